package dev.opsdeck.records.control;

import dev.opsdeck.records.entity.LastView;
import dev.opsdeck.records.entity.SavedView;
import dev.opsdeck.schema.control.Schema;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Per user and list: named saved views, and the last view and page size, so a list reopens as it was left. Every list
 * page a user opens changes its last view, so those are kept here and written a second later, the newest per user and
 * list only: one write a second at most, none on the request's time. A crash can lose that second's last views; a
 * graceful stop writes them first.
 */
@ApplicationScoped
public class ListPreferences {

    public static final int MAX_NAME = 80;
    private static final Logger LOG = Logger.getLogger(ListPreferences.class.getName());

    @PersistenceContext
    EntityManager em;

    Clock clock = Clock.systemUTC();

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource(lookup = Schema.DATA_SOURCE)
    DataSource dataSource;

    private LastViewStore store;

    /** The last views not written yet, and what this instance last wrote, per user and list. */
    private final Map<String, LastView> unwritten = new ConcurrentHashMap<>();
    private final Map<String, String> written = new ConcurrentHashMap<>();
    private final AtomicBoolean writeDue = new AtomicBoolean();

    @PostConstruct
    void open() {
        store = new LastViewStore(dataSource);
    }

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

    public Optional<String> lastQuery(String username, String list) {
        LastView unwrittenView = unwritten.get(key(username, list));
        if (unwrittenView != null) {
            return Optional.of(unwrittenView.query());
        }
        return em.createNativeQuery("SELECT last_query FROM list_preference WHERE username = ?1 AND list = ?2")
                .setParameter(1, username).setParameter(2, list).getResultStream().findFirst().map(Object::toString);
    }

    public void remember(String username, String list, int pageSize, String query) {
        String key = key(username, list);
        LastView before = unwritten.get(key);
        if (before == null ? query.equals(written.get(key)) : before.query().equals(query) && before.pageSize() == pageSize) {
            return;
        }
        unwritten.put(key, new LastView(username, list, pageSize, query));
        if (writeDue.compareAndSet(false, true)) {
            scheduler.schedule(this::writeUnwritten, 1, TimeUnit.SECONDS);
        }
    }

    void writeUnwritten() {
        writeDue.set(false);
        List<LastView> views = new ArrayList<>(unwritten.values());
        try {
            store.write(views, clock.instant());
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "could not write " + views.size() + " users' last list views; trying again in a second", e);
            if (writeDue.compareAndSet(false, true)) {
                scheduler.schedule(this::writeUnwritten, 1, TimeUnit.SECONDS);
            }
            return;
        }
        for (LastView view : views) {
            written.put(key(view.username(), view.list()), view.query());
            unwritten.remove(key(view.username(), view.list()), view);
        }
    }

    /** Before the instance stops: after the signal, Payara closes the database pool before any {@code @PreDestroy}. */
    public void writeLastViews() {
        if (!unwritten.isEmpty()) {
            writeUnwritten();
        }
    }

    private static String key(String username, String list) {
        return username + "\n" + list;
    }
}
