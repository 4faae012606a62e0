package vn.qcdc;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Officers read dates in the configured zone ({@code platform.ClockConfig}, which also makes it the JVM's). */
@SpringBootApplication
public class QcdcApplication {

    public static void main(String[] args) {
        SpringApplication.run(QcdcApplication.class, args);
    }
}
