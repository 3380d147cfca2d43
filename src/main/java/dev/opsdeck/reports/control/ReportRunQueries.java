package dev.opsdeck.reports.control;

import dev.opsdeck.api.control.KeysetCursor.TimeAndId;
import dev.opsdeck.api.control.KeysetPage;
import dev.opsdeck.reports.entity.ReportRun;
import dev.opsdeck.reports.entity.ReportType;
import dev.opsdeck.reports.entity.RunStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.Optional;

/** Report runs as the API lists them: newest first, filtered by status and type, one keyset page at a time. */
@ApplicationScoped
public class ReportRunQueries {

    @PersistenceContext
    EntityManager em;

    public KeysetPage<ReportRun> page(Optional<RunStatus> status, Optional<ReportType> type, Optional<TimeAndId> after,
                                      int size) {
        StringBuilder jpql = new StringBuilder("SELECT r FROM ReportRun r WHERE 1 = 1");
        status.ifPresent(s -> jpql.append(" AND r.status = :status"));
        type.ifPresent(t -> jpql.append(" AND r.reportType = :type"));
        after.ifPresent(a -> jpql.append(" AND (r.requestedAt < :at OR (r.requestedAt = :at AND r.id < :id))"));
        TypedQuery<ReportRun> query = em.createQuery(jpql.append(" ORDER BY r.requestedAt DESC, r.id DESC").toString(),
                ReportRun.class).setMaxResults(size + 1);
        status.ifPresent(s -> query.setParameter("status", s.label()));
        type.ifPresent(t -> query.setParameter("type", t.label()));
        after.ifPresent(a -> query.setParameter("at", a.at()).setParameter("id", a.id()));
        return KeysetPage.of(query.getResultList(), size, run -> new TimeAndId(run.getRequestedAt(), run.getId()));
    }
}
