package dev.recon.normalization.camt053;

import java.io.ByteArrayInputStream;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * StAX readers for untrusted XML: the JDK's own implementation (not whatever a dependency brings),
 * no DTD processing and no external entities or schemas, so XXE and entity-expansion attacks have
 * nothing to work with. Parsers additionally refuse any DOCTYPE they see.
 */
final class SafeXml {
  private SafeXml() {}

  static XMLStreamReader reader(byte[] payload) throws XMLStreamException {
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    return factory.createXMLStreamReader(new ByteArrayInputStream(payload));
  }
}
