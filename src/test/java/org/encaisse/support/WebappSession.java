package org.encaisse.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A browser's session with Camunda's webapps, over plain HTTP: the login form of an app, then the
 * calls its pages make, with the session cookie and the CSRF token the webapps ask for.
 */
public final class WebappSession {

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private String csrfToken;
    private boolean forgetsToken;

    private WebappSession(int port) {
        this.base = "http://localhost:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).build();
    }

    /** Opens the app's page (which hands out the CSRF token), then logs in on it. */
    public static WebappSession open(int port, String app) {
        WebappSession session = new WebappSession(port);
        session.send("GET", "/camunda/app/" + app + "/default/", null, null);
        return session;
    }

    public HttpResponse<String> login(String app, String user, String password) {
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> login = send("POST", "/camunda/api/admin/auth/user/default/login/" + app, form,
                "application/x-www-form-urlencoded");
        // A new session has a new CSRF token: the page loaded after the login hands it out, as in a browser.
        send("GET", "/camunda/app/" + app + "/default/", null, null);
        return login;
    }

    /** A call to the engine API the webapps use, e.g. {@code ("POST", "/task/42/claim", "{...}")}. */
    public HttpResponse<String> engine(String method, String path, String json) {
        return send(method, "/camunda/api/engine/engine/default" + path, json, json == null ? null : "application/json");
    }

    public HttpResponse<String> send(String method, String path, String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Accept", "application/json, text/plain, */*");
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (!forgetsToken) {
            // As the webapps' scripts do: the token the server last handed out, in its cookie.
            cookie("XSRF-TOKEN").map(HttpCookie::getValue).ifPresent(token -> csrfToken = token);
        }
        if (csrfToken != null) {
            request.header("X-XSRF-TOKEN", csrfToken);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            response.headers().firstValue("X-XSRF-TOKEN").filter(token -> !forgetsToken && !"Required".equals(token))
                    .ifPresent(token -> csrfToken = token);
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + path + " interrupted", e);
        }
    }

    /** The same session, its cookies kept, sending no CSRF token: what a forged cross-site request looks like. */
    public WebappSession withoutCsrfToken() {
        csrfToken = null;
        forgetsToken = true;
        return this;
    }

    public Optional<HttpCookie> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).findFirst();
    }
}
