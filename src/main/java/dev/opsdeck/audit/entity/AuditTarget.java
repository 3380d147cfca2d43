package dev.opsdeck.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import org.hibernate.annotations.Immutable;

/** One record an audit entry names; read only, for looking up a record's history. */
@Entity
@Immutable
@Table(name = "audit_log_target")
@IdClass(AuditTarget.Key.class)
public class AuditTarget {

    public static class Key implements Serializable {
        private Long entryId;
        private String targetId;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && java.util.Objects.equals(entryId, key.entryId)
                    && java.util.Objects.equals(targetId, key.targetId);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(entryId, targetId);
        }
    }

    @Id
    @Column(name = "entry_id")
    private Long entryId;
    @Id
    @Column(name = "target_id")
    private String targetId;
    @Column(name = "target_type")
    private String targetType;

    protected AuditTarget() {
    }

    public Long getEntryId() {
        return entryId;
    }

    public String getTargetId() {
        return targetId;
    }

    public String getTargetType() {
        return targetType;
    }
}
