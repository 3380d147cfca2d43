package dev.opsdeck.mail.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MailTemplatesTest {

    @Test
    void everyBuiltInTemplateRendersItsSampleInBothParts() {
        for (MailTemplates.Name name : MailTemplates.Name.values()) {
            MailTemplates.Rendered rendered = MailTemplates.render(MailTemplates.builtIn(name), MailTemplates.sample(name));
            assertFalse(rendered.subject().isBlank(), name.label());
            assertFalse(rendered.subject().contains("{{"), rendered.subject());
            assertFalse(rendered.text().contains("{{"), rendered.text());
            assertTrue(rendered.html().startsWith("<!DOCTYPE html>"), name.label());
            assertTrue(rendered.html().contains("Opsdeck"), "the console's header");
        }
    }

    @Test
    void htmlIsEscapedAndPlainTextIsNot() {
        MailTemplates.Template template = new MailTemplates.Template("Report {{name}}", "Name: {{name}}", "<p>{{name}}</p>");
        MailTemplates.Rendered rendered = MailTemplates.render(template, Map.of("name", "Fish & <Chips>"));
        assertEquals("Name: Fish & <Chips>", rendered.text());
        assertTrue(rendered.html().contains("<p>Fish &amp; &lt;Chips&gt;</p>"), rendered.html());
        assertEquals("Report Fish & <Chips>", rendered.subject());
    }

    @Test
    void aTemplateThatDoesNotCompileIsRefusedNamingThePartAndTheEnginesMessage() {
        MailTemplates.Template broken = new MailTemplates.Template("ok", "{{#attached}}never closed", "<p/>");
        MailTemplates.InvalidTemplateException refused = assertThrows(MailTemplates.InvalidTemplateException.class,
                () -> MailTemplates.render(broken, MailTemplates.sample(MailTemplates.Name.REPORT_DELIVERED)));
        assertEquals("text", refused.part());
        assertTrue(refused.getMessage().contains("attached"), refused.getMessage());
    }

    @Test
    void anEmptySubjectIsRefused() {
        assertThrows(MailTemplates.InvalidTemplateException.class,
                () -> MailTemplates.render(new MailTemplates.Template(" ", "t", "h"), Map.of()));
    }
}
