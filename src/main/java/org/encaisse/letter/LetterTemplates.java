package org.encaisse.letter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.dialect.SpringStandardDialect;
import org.thymeleaf.spring6.expression.SpringStandardExpressions;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.FileTemplateResolver;

/**
 * The letter and email templates of the top-level {@code letters/} folder, per language. A manager
 * may point {@code encaisse.letters.directory} at a copy of that folder and edit it in place: a file
 * found there wins over the packaged one and is read again on each letter.
 */
@Component
public class LetterTemplates {

    private final SpringTemplateEngine engine = new SpringTemplateEngine();
    private final ReloadableResourceBundleMessageSource messages = new ReloadableResourceBundleMessageSource();

    LetterTemplates(@Value("${encaisse.letters.directory:}") String directory) {
        // Thymeleaf's default compiler mode is MIXED: an expression falls back to the interpreter
        // when its compiled form does not fit (a value of another type, say). Interpreted SpEL was
        // 12 % of a letter's CPU, walking the letter's records by reflection on each row.
        // The dialect is this engine's own: a SpringTemplateEngine's default one is a single instance
        // shared by every engine in the JVM, which Spring Boot's auto-configured engine switches the
        // compiler off on (spring.thymeleaf.enable-spring-el-compiler), so letters were interpreted.
        SpringStandardDialect dialect = new SpringStandardDialect();
        dialect.setEnableSpringELCompiler(true);
        engine.setDialect(dialect);
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        if (!directory.isBlank()) {
            Path folder = Path.of(directory).toAbsolutePath();
            if (!Files.isDirectory(folder)) {
                throw new IllegalStateException("encaisse.letters.directory points to " + folder + ", which is not a folder.");
            }
            FileTemplateResolver edited = new FileTemplateResolver();
            configure(edited, folder + "/", 1);
            edited.setCacheable(false);
            engine.addTemplateResolver(edited);
            messages.setBasenames("file:" + folder + "/messages", "classpath:letters/messages");
            messages.setCacheSeconds(0);
        } else {
            messages.setBasenames("classpath:letters/messages");
        }
        ClassLoaderTemplateResolver packaged = new ClassLoaderTemplateResolver();
        configure(packaged, "letters/", 2);
        engine.addTemplateResolver(packaged);
        engine.setTemplateEngineMessageSource(messages);
    }

    private static void configure(AbstractConfigurableTemplateResolver resolver, String prefix, int order) {
        resolver.setPrefix(prefix);
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCheckExistence(true);
        resolver.setOrder(order);
    }

    /** The letter, as HTML ready for the PDF renderer. */
    public String letter(Letter letter) {
        return engine.process(letter.language() + "/" + letter.template(), context(letter));
    }

    /** The body of the email the letter is attached to. */
    public String email(Letter letter) {
        return engine.process(letter.language() + "/email", context(letter));
    }

    /** Another printable document of the letters folder (the case file, say), with its own variables. */
    public String document(String template, java.util.Map<String, Object> variables, Locale locale) {
        Context context = new Context(locale);
        context.setVariables(variables);
        context.setVariable("fmt", new LetterFormats(locale));
        return engine.process(locale.getLanguage() + "/" + template, context);
    }

    public String subject(Letter letter) {
        return messages.getMessage("subject." + letter.template(),
                new Object[] {letter.addressee().company(), letter.reference()}, letter.locale());
    }

    /** Whether the letters' Spring expressions are compiled to bytecode once warm, rather than interpreted each time. */
    boolean compilesExpressions() {
        return SpringStandardExpressions.isSpringELCompilerEnabled(engine.getConfiguration());
    }

    private static Context context(Letter letter) {
        Context context = new Context(letter.locale());
        context.setVariable("letter", letter);
        context.setVariable("fmt", new LetterFormats(letter.locale()));
        return context;
    }

}
