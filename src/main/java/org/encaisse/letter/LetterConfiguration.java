package org.encaisse.letter;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties({LatePaymentRates.class, Creditor.class})
class LetterConfiguration {
}
