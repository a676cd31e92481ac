package cn.cm135;

import java.util.Arrays;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * cm135: the customer-manager "135" work method (客户经理135工作法) as Camunda 7 processes.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class Cm135Application {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(Cm135Application.class);
        // "--cm135.generate=city" fills the database and exits: its web server (Camunda's REST needs one)
        // takes any free port so that it never collides with a running instance.
        if (Arrays.stream(args).anyMatch(arg -> arg.startsWith("--cm135.generate="))) {
            application.setDefaultProperties(Map.of("server.port", "0"));
        }
        application.run(args);
    }
}
