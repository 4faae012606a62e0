package vn.qcdc;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class QcdcApplication {
    /** Officers read dates in Vietnamese time, and the engine stores timestamps in the JVM's zone. */
    public static final String TIME_ZONE = "Asia/Ho_Chi_Minh";

    public static void main(String[] args) {
        java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone(TIME_ZONE));
        SpringApplication.run(QcdcApplication.class, args);
    }
}
