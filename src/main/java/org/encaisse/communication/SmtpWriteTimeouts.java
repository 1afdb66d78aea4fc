package org.encaisse.communication;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * One timer thread for every SMTP connection's write timeout ({@code mail.smtp.writetimeout}).
 * Without it, Jakarta Mail starts a thread pool for each connection it opens and stops it when the
 * connection closes: a thread created and torn down for every letter sent.
 */
@Component
class SmtpWriteTimeouts implements BeanPostProcessor, DisposableBean {

    static final String EXECUTOR_PROPERTY = "mail.smtp.executor.writetimeout";

    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
        Thread thread = new Thread(runnable, "smtp-write-timeout");
        thread.setDaemon(true);
        return thread;
    });

    SmtpWriteTimeouts() {
        // A write that finishes cancels its timeout: without this, each would wait in the queue for 30 s.
        timer.setRemoveOnCancelPolicy(true);
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof JavaMailSenderImpl sender
                && sender.getJavaMailProperties().getProperty("mail.smtp.writetimeout") != null) {
            // An object, not a string: Jakarta Mail reads this property with Properties.get.
            sender.getJavaMailProperties().put(EXECUTOR_PROPERTY, timer);
        }
        return bean;
    }

    ScheduledExecutorService timer() {
        return timer;
    }

    @Override
    public void destroy() throws InterruptedException {
        timer.shutdownNow();
        timer.awaitTermination(5, TimeUnit.SECONDS);
    }
}
