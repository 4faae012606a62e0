package vn.qcdc.open311;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.fasterxml.jackson.databind.ObjectMapper;

/** GeoReport's XML documents for the {@code .xml} paths; it writes nothing but lists of GeoReport records. */
@Configuration
class Open311Config implements WebMvcConfigurer {

    private final ObjectMapper json;

    Open311Config(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        converters.add(new GeoReportXml(json));
    }
}
