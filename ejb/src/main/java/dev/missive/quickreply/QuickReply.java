package dev.missive.quickreply;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** One reply template of the clinic: a title staff pick it by and its text, with placeholders. */
@Entity
@Table(name = "quick_reply")
public class QuickReply {

    public static final int MAX_TITLE_LENGTH = 100;
    public static final int MAX_TEXT_LENGTH = 4_000;

    @Id
    @Column(length = 64)
    private String id;

    @Version
    private long version;

    @Column(nullable = false, length = MAX_TITLE_LENGTH)
    private String title;

    @Column(nullable = false, length = MAX_TEXT_LENGTH)
    private String text;

    @Column(nullable = false)
    private Instant updated;

    protected QuickReply() {}

    QuickReply(String id, QuickReplyContent content, Instant now) {
        this.id = id;
        change(content, now);
    }

    void change(QuickReplyContent content, Instant now) {
        this.title = content.title();
        this.text = content.text();
        this.updated = now;
    }

    public String getId() {
        return id;
    }

    public long getVersion() {
        return version;
    }

    public String getTitle() {
        return title;
    }

    public String getText() {
        return text;
    }

    public Instant getUpdated() {
        return updated;
    }
}
