package dev.opsdeck.ingestion.control;

import dev.opsdeck.api.control.KeysetPage;
import dev.opsdeck.ingestion.entity.DeadLetter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Optional;

/** Dead letters by state and stream, oldest first, as the console and the API list them. */
@ApplicationScoped
public class DeadLetterSearch {

    public static final List<String> STATES = List.of("waiting", "replayed", "discarded");

    @PersistenceContext
    EntityManager em;

    /** Up to {@code max} dead letters in the state, of the stream (every stream when null). */
    public List<DeadLetter> find(String state, String stream, int max) {
        TypedQuery<DeadLetter> query = em.createQuery("SELECT d FROM DeadLetter d WHERE d.state = :state"
                        + (stream == null ? "" : " AND d.stream = :stream") + " ORDER BY d.id", DeadLetter.class)
                .setParameter("state", state).setMaxResults(max);
        if (stream != null) {
            query.setParameter("stream", stream);
        }
        return query.getResultList();
    }

    /** One keyset page for the API: dead letters in the state, of the stream when given, after the cursor's id. */
    public KeysetPage<DeadLetter> page(String state, Optional<String> stream, Optional<Long> after, int size) {
        StringBuilder jpql = new StringBuilder("SELECT d FROM DeadLetter d WHERE d.state = :state");
        stream.ifPresent(s -> jpql.append(" AND d.stream = :stream"));
        after.ifPresent(a -> jpql.append(" AND d.id > :after"));
        TypedQuery<DeadLetter> query = em.createQuery(jpql.append(" ORDER BY d.id").toString(), DeadLetter.class)
                .setParameter("state", state).setMaxResults(size + 1);
        stream.ifPresent(s -> query.setParameter("stream", s));
        after.ifPresent(a -> query.setParameter("after", a));
        return KeysetPage.of(query.getResultList(), size, DeadLetter::getId);
    }

    public long count(String state, String stream) {
        TypedQuery<Long> query = em.createQuery("SELECT COUNT(d) FROM DeadLetter d WHERE d.state = :state"
                + (stream == null ? "" : " AND d.stream = :stream"), Long.class).setParameter("state", state);
        if (stream != null) {
            query.setParameter("stream", stream);
        }
        return query.getSingleResult();
    }

    public DeadLetter one(long id) {
        return em.find(DeadLetter.class, id);
    }
}
