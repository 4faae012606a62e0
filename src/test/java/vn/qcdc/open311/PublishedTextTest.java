package vn.qcdc.open311;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PublishedTextTest {

    @Test
    void contactDetailsAndIdentityNumbersAreHidden() {
        assertThat(PublishedText.redact("Gọi tôi 0911 000 311 hoặc +84 911.000.312, email an.nguyen@example.vn"))
                .isEqualTo("Gọi tôi [đã ẩn] hoặc [đã ẩn], email [đã ẩn]");
        assertThat(PublishedText.redact("Điện thoại bàn 0293-3876-543."))
                .isEqualTo("Điện thoại bàn [đã ẩn].");
        assertThat(PublishedText.redact("CCCD 089123456789, CMND 361234567."))
                .isEqualTo("CCCD [đã ẩn], CMND [đã ẩn].");
    }

    @Test
    void ordinaryNumbersAndDatesStay() {
        String text = "Cống trước nhà số 12 đường 3 Tháng 2 tắc từ 15/11/2026, 200 hộ bị ngập, dự toán 350.000.000 đồng, số hộ 1.250.000.";
        assertThat(PublishedText.redact(text)).isEqualTo(text);
        assertThat(PublishedText.redact(null)).isNull();
    }
}
