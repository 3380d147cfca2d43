package dev.opsdeck.commands.control;

import dev.opsdeck.commands.entity.ActionKind;
import jakarta.json.spi.JsonProvider;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** The target of an action as the read models last saw it: its status decides eligibility. */
class ReadModelTargets {

    private static final JsonProvider JSON = JsonProvider.provider();

    record Target(String status, long amountCents, String parameters) {
    }

    private final DataSource dataSource;

    ReadModelTargets(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    Optional<Target> find(ActionKind kind, UUID id) throws SQLException {
        boolean payment = kind.targetType().equals("payment");
        String sql = payment ? "SELECT status, amount_cents, currency FROM payments_read WHERE payment_id = ?"
                : "SELECT status, balance_cents, currency FROM accounts_read WHERE account_id = ?";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(sql)) {
            query.setObject(1, id);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                String parameters = payment
                        ? JSON.createObjectBuilder().add("amount_cents", row.getLong(2)).add("currency", row.getString(3).trim()).build().toString()
                        : "{}";
                return Optional.of(new Target(row.getString(1), payment ? row.getLong(2) : 0, parameters));
            }
        }
    }
}
