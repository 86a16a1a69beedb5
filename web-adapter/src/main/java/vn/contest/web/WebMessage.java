package vn.contest.web;

import java.util.List;
import vn.contest.core.message.Choice;
import vn.contest.core.outbox.OutboxMessage;
import vn.contest.core.rules.PhoneMask;

/** A bot message as the page receives it. {@code deadline} is epoch milliseconds, for the countdown. */
record WebMessage(long id, String text, List<Choice> choices, String kind, Long deadline) {
    private static final java.util.regex.Pattern PHONE = java.util.regex.Pattern.compile("\\b0\\d{9}\\b");
    private static final java.util.regex.Pattern ID_NUMBER = java.util.regex.Pattern.compile("\\b\\d{9}(\\d{3})?\\b");
    private static final java.util.regex.Pattern BIRTH_DATE = java.util.regex.Pattern.compile(
            "((?i:ngày sinh)[^\\n\\d]*)\\d{1,2}/\\d{1,2}/\\d{4}");

    /**
     * The same message with phone numbers ("09******78"), ID numbers and birth dates masked (the contest's own
     * dates stay readable).
     */
    WebMessage masked() {
        if (text == null) {
            return this;
        }
        // A phone is shown as the published prize list shows it (rules/PhoneMask), the rule kept in one place.
        String t = PHONE.matcher(text).replaceAll(m -> PhoneMask.published(m.group()));
        t = ID_NUMBER.matcher(t).replaceAll("*********");
        t = BIRTH_DATE.matcher(t).replaceAll("$1**/**/****");
        return new WebMessage(id, t, choices, kind, deadline);
    }

    private static final com.fasterxml.jackson.core.JsonFactory JSON = new com.fasterxml.jackson.core.JsonFactory();

    /**
     * {@code {"messages": [...]}}, each message's fields in the record's order and nulls written, as Javalin's mapper
     * writes these records; by hand because every answer's response is one.
     */
    static byte[] json(List<WebMessage> messages) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(128 + 512 * messages.size());
        try (com.fasterxml.jackson.core.JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeArrayFieldStart("messages");
            for (WebMessage m : messages) {
                m.write(g);
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private void write(com.fasterxml.jackson.core.JsonGenerator g) throws java.io.IOException {
        g.writeStartObject();
        g.writeNumberField("id", id);
        g.writeStringField("text", text);
        if (choices == null) {
            g.writeNullField("choices");
        } else {
            g.writeArrayFieldStart("choices");
            for (Choice c : choices) {
                g.writeStartObject();
                g.writeStringField("token", c.token());
                g.writeStringField("label", c.label());
                g.writeStringField("said", c.said());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeStringField("kind", kind);
        if (deadline == null) {
            g.writeNullField("deadline");
        } else {
            g.writeNumberField("deadline", deadline.longValue());
        }
        g.writeEndObject();
    }

    static WebMessage of(OutboxMessage m) {
        var o = m.outbound();
        return new WebMessage(m.id(), o.text(), o.choices(), o.kind(), o.deadline() == null ? null : o.deadline().toEpochMilli());
    }
}
