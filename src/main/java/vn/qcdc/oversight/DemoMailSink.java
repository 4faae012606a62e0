package vn.qcdc.oversight;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/** The demo's mail server: whatever the system mails lands here instead of the Internet. Demo profile only. */
@Component
@ConditionalOnProperty(name = "qcdc.demo.mail-sink.enabled", havingValue = "true")
class DemoMailSink implements DisposableBean {

    private final GreenMail server;

    DemoMailSink(@Value("${qcdc.demo.mail-sink.smtp-port:3025}") int smtpPort,
            @Value("${qcdc.demo.mail-sink.imap-port:3143}") int imapPort) {
        server = new GreenMail(new ServerSetup[] {new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        server.start();
    }

    @Override
    public void destroy() {
        server.stop();
    }
}
