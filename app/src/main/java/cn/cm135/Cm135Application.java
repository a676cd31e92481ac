package cn.cm135;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * cm135: the customer-manager "135" work method (客户经理135工作法) as Camunda 7 processes.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class Cm135Application {

    public static void main(String[] args) {
        ConfigurableApplicationContext context = SpringApplication.run(Cm135Application.class, args);
        if (context.getEnvironment().containsProperty("cm135.import.kind")) {
            // A command-line import (cn.cm135.imports) is one shot: stop the engine, exit with its code.
            System.exit(SpringApplication.exit(context));
        }
    }
}
