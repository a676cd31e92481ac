package cn.cm135;

import java.util.Arrays;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * cm135: the customer-manager "135" work method (客户经理135工作法) as Camunda 7 processes.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class Cm135Application {

    public static void main(String[] args) {
        // One-shot command-line runs (generate a city, import a file) need the engine but no listener:
        // the web server that Camunda's REST starter requires takes any free port, then the run exits
        // with the runner's exit code.
        boolean oneShot = Arrays.stream(args)
                .anyMatch(arg -> arg.startsWith("--cm135.generate=") || arg.startsWith("--cm135.import.kind="));
        SpringApplication application = new SpringApplication(Cm135Application.class);
        if (oneShot) {
            application.setDefaultProperties(Map.of("server.port", "0"));
        }
        ConfigurableApplicationContext context = application.run(args);
        if (oneShot) {
            System.exit(SpringApplication.exit(context));
        }
    }
}
