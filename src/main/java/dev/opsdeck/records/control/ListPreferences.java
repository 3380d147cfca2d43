package dev.opsdeck.records.control;

import dev.opsdeck.records.entity.SavedView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;

/** Per user and list: named saved views, and the last view and page size, so a list reopens as it was left. */
@ApplicationScoped
public class ListPreferences {

    public static final int MAX_NAME = 80;

    @PersistenceContext
    EntityManager em;

    Clock clock = Clock.systemUTC();

    /** What this instance last wrote per user and list, so that reloading the same list writes nothing. */
    private final java.util.Map<String, String> written = new java.util.concurrent.ConcurrentHashMap<>();

    public List<SavedView> views(String username, String list) {
        return em.createQuery("SELECT v FROM SavedView v WHERE v.username = :user AND v.list = :list ORDER BY v.name",
                SavedView.class).setParameter("user", username).setParameter("list", list).getResultList();
    }

    public Optional<SavedView> view(String username, long id) {
        SavedView view = em.find(SavedView.class, id);
        return view != null && view.getUsername().equals(username) ? Optional.of(view) : Optional.empty();
    }

    /** Saves under a name, replacing the user's view of that name on this list. */
    @Transactional
    public SavedView save(String username, String list, String name, String query) {
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME) {
            throw new IllegalArgumentException("A view's name needs 1 to " + MAX_NAME + " characters");
        }
        Optional<SavedView> existing = em.createQuery(
                        "SELECT v FROM SavedView v WHERE v.username = :user AND v.list = :list AND v.name = :name", SavedView.class)
                .setParameter("user", username).setParameter("list", list).setParameter("name", trimmed)
                .getResultStream().findFirst();
        if (existing.isPresent()) {
            existing.get().replace(query, clock.instant());
            return existing.get();
        }
        SavedView view = new SavedView(username, list, trimmed, query, clock.instant());
        em.persist(view);
        return view;
    }

    @Transactional
    public void delete(String username, long id) {
        view(username, id).ifPresent(em::remove);
    }

    /**
     * Every list page a user opens writes its state, so on PostgreSQL that commit does not wait for the WAL flush, which
     * during a drain queues behind ingestion's commits. A crash can lose the last second's list state, nothing else.
     */
    private void withoutWaitingForDisk() {
        em.unwrap(Session.class).doWork(connection -> {
            if (connection.getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET LOCAL synchronous_commit TO OFF");
                }
            }
        });
    }

    public Optional<String> lastQuery(String username, String list) {
        return em.createNativeQuery("SELECT last_query FROM list_preference WHERE username = ?1 AND list = ?2")
                .setParameter(1, username).setParameter(2, list).getResultStream().findFirst().map(Object::toString);
    }

    @Transactional
    public void remember(String username, String list, int pageSize, String query) {
        if (query.equals(written.get(username + "\n" + list))) {
            return;
        }
        written.put(username + "\n" + list, query);
        withoutWaitingForDisk();
        Timestamp now = Timestamp.from(Instant.now(clock));
        int updated = em.createNativeQuery("UPDATE list_preference SET page_size = ?1, last_query = ?2, changed_at = ?3 "
                        + "WHERE username = ?4 AND list = ?5")
                .setParameter(1, pageSize).setParameter(2, query).setParameter(3, now)
                .setParameter(4, username).setParameter(5, list).executeUpdate();
        if (updated == 0) {
            em.createNativeQuery("INSERT INTO list_preference (username, list, page_size, last_query, changed_at) "
                            + "VALUES (?1, ?2, ?3, ?4, ?5)")
                    .setParameter(1, username).setParameter(2, list).setParameter(3, pageSize)
                    .setParameter(4, query).setParameter(5, now).executeUpdate();
        }
    }
}
