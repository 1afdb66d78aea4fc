package org.encaisse;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class EncaisseApplication {

    public static void main(String[] args) {
        SpringApplication.run(EncaisseApplication.class, args);
    }
}
