package dev.gatehouse.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/**
 * Who changed what, and when, with the value before and after: in an organization, or, without
 * one, to the actor's own account (their tokens). Kept by id rather than by reference so that the
 * record outlives the members, workspaces and tokens it names.
 */
@Entity
@Table(name = "AUDIT_RECORD", indexes = @Index(columnList = "ORGANIZATIONID, HAPPENED_AT"))
@NamedQuery(name = AuditRecord.OF, query = "SELECT r FROM AuditRecord r WHERE r.organizationId = :organization"
        + " ORDER BY r.at DESC, r.id DESC")
public class AuditRecord implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final String OF = "AuditRecord.of";
    public static final String NOTHING = "—";

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE)
    private Long id;

    private Long organizationId;

    @Column(nullable = false, length = 40)
    private String actor;

    @Column(nullable = false, length = 40)
    private String action;

    @Column(nullable = false, length = 300)
    private String subject;

    @Column(name = "VALUE_BEFORE", nullable = false, length = 300)
    private String before;

    @Column(name = "VALUE_AFTER", nullable = false, length = 300)
    private String after;

    @Column(name = "HAPPENED_AT", nullable = false)
    private Instant at;

    protected AuditRecord() {
        // for JPA
    }

    public AuditRecord(Long organizationId, String actor, String action, String subject, Object before, Object after,
            Instant at) {
        this.organizationId = organizationId;
        this.actor = actor;
        this.action = action;
        this.subject = subject;
        this.before = before == null ? NOTHING : before.toString();
        this.after = after == null ? NOTHING : after.toString();
        this.at = at;
    }

    public Long getId() {
        return id;
    }

    public String getActor() {
        return actor;
    }

    public String getAction() {
        return action;
    }

    public String getSubject() {
        return subject;
    }

    public String getBefore() {
        return before;
    }

    public String getAfter() {
        return after;
    }

    public Instant getAt() {
        return at;
    }
}
