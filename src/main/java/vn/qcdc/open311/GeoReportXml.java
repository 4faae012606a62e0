package vn.qcdc.open311;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractGenericHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotWritableException;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * GeoReport v2's XML documents ({@code .xml} suffix). Each entry goes through the application's JSON
 * mapping first, so its elements carry exactly the JSON's field names, order and values; a null
 * becomes an empty element. Only lists of {@link GeoReport} records are written; nothing is read
 * (posts are forms or JSON).
 */
final class GeoReportXml extends AbstractGenericHttpMessageConverter<List<?>> {

    /** The standard's root and item element for each kind of entry. */
    private record Document(String root, String item) {
    }

    private static final Map<Class<?>, Document> DOCUMENTS = Map.of(
            GeoReport.Service.class, new Document("services", "service"),
            GeoReport.Request.class, new Document("service_requests", "request"),
            GeoReport.Created.class, new Document("service_requests", "request"),
            GeoReport.Error.class, new Document("errors", "error"));

    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();
    private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {
    };

    private final ObjectMapper json;

    GeoReportXml(ObjectMapper json) {
        super(MediaType.APPLICATION_XML, MediaType.TEXT_XML);
        this.json = json;
    }

    @Override
    protected boolean supports(Class<?> clazz) {
        // only generic writes, where the list's entry type is known (see canWrite)
        return false;
    }

    @Override
    protected boolean canRead(MediaType mediaType) {
        return false;
    }

    @Override
    public boolean canWrite(Type type, Class<?> clazz, MediaType mediaType) {
        return document(type) != null && canWrite(mediaType);
    }

    @Override
    protected void writeInternal(List<?> entries, Type type, HttpOutputMessage output) throws IOException {
        Document document = document(type);
        try {
            XMLStreamWriter xml = XML.createXMLStreamWriter(output.getBody(), "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement(document.root());
            for (Object entry : entries) {
                xml.writeStartElement(document.item());
                for (Map.Entry<String, Object> field : json.convertValue(entry, FIELDS).entrySet()) {
                    if (field.getValue() == null) {
                        xml.writeEmptyElement(field.getKey());
                    } else {
                        xml.writeStartElement(field.getKey());
                        xml.writeCharacters(field.getValue().toString());
                        xml.writeEndElement();
                    }
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new HttpMessageNotWritableException("GeoReport XML could not be written", e);
        }
    }

    @Override
    protected List<?> readInternal(Class<? extends List<?>> clazz, HttpInputMessage input) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<?> read(Type type, Class<?> contextClass, HttpInputMessage input) {
        throw new UnsupportedOperationException();
    }

    /** The document for a {@code List} of GeoReport records, or null for any other type. */
    private static Document document(Type type) {
        if (type instanceof ParameterizedType list && list.getRawType() instanceof Class<?> raw
                && List.class.isAssignableFrom(raw) && list.getActualTypeArguments()[0] instanceof Class<?> entry) {
            return DOCUMENTS.get(entry);
        }
        return null;
    }
}
