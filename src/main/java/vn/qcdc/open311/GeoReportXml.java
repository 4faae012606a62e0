package vn.qcdc.open311;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
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

/**
 * GeoReport v2's XML documents ({@code .xml} suffix), written from the same records as the JSON: each
 * record component becomes an element named in snake_case, as the standard spells the JSON keys. Only
 * lists of {@link GeoReport} records are written; nothing is read (posts are forms or JSON).
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

    GeoReportXml() {
        super(MediaType.APPLICATION_XML, MediaType.TEXT_XML);
    }

    @Override
    public boolean canRead(Type type, Class<?> contextClass, MediaType mediaType) {
        return false;
    }

    @Override
    protected boolean canRead(MediaType mediaType) {
        return false;
    }

    @Override
    public boolean canWrite(Type type, Class<?> clazz, MediaType mediaType) {
        return entryType(type) != null && canWrite(mediaType);
    }

    @Override
    protected boolean supports(Class<?> clazz) {
        return List.class.isAssignableFrom(clazz);
    }

    @Override
    protected void writeInternal(List<?> entries, Type type, HttpOutputMessage output) throws IOException {
        Class<?> entryType = entryType(type);
        if (entryType == null && !entries.isEmpty()) {
            entryType = entries.get(0).getClass();
        }
        Document document = DOCUMENTS.get(entryType != null ? entryType : GeoReport.Request.class);
        try {
            XMLStreamWriter xml = XML.createXMLStreamWriter(output.getBody(), "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement(document.root());
            for (Object entry : entries) {
                writeEntry(xml, document.item(), entry);
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw new HttpMessageNotWritableException("GeoReport XML could not be written", e);
        }
    }

    private static void writeEntry(XMLStreamWriter xml, String item, Object entry) throws XMLStreamException {
        xml.writeStartElement(item);
        for (RecordComponent component : entry.getClass().getRecordComponents()) {
            Object value;
            try {
                value = component.getAccessor().invoke(entry);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            String name = snakeCase(component.getName());
            if (value == null) {
                xml.writeEmptyElement(name);
            } else {
                xml.writeStartElement(name);
                xml.writeCharacters(value.toString());
                xml.writeEndElement();
            }
        }
        xml.writeEndElement();
    }

    @Override
    protected List<?> readInternal(Class<? extends List<?>> clazz, HttpInputMessage input) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<?> read(Type type, Class<?> contextClass, HttpInputMessage input) {
        throw new UnsupportedOperationException();
    }

    /** The GeoReport record a {@code List<...>} holds, or null for any other type. */
    private static Class<?> entryType(Type type) {
        if (type instanceof ParameterizedType list && list.getRawType() instanceof Class<?> raw
                && List.class.isAssignableFrom(raw) && list.getActualTypeArguments()[0] instanceof Class<?> entry
                && DOCUMENTS.containsKey(entry)) {
            return entry;
        }
        return null;
    }

    static String snakeCase(String camelCase) {
        StringBuilder snake = new StringBuilder();
        for (char c : camelCase.toCharArray()) {
            if (Character.isUpperCase(c)) {
                snake.append('_').append(Character.toLowerCase(c));
            } else {
                snake.append(c);
            }
        }
        return snake.toString();
    }
}
