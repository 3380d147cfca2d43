package dev.opsdeck.records.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsdeck.testing.Browser;
import dev.opsdeck.testing.Deployments;
import dev.opsdeck.testing.Events;
import dev.opsdeck.testing.Stomp;
import java.io.Reader;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The account and payment lists and detail pages in a real browser, over read models filled through the real
 * broker: filter, search, sort, paging, export, saved views, freshness and the payment-to-account link.
 */
@ExtendWith(ArquillianExtension.class)
class ConsoleListsIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.opsdeck();
    }

    @ArquillianResource
    URL base;

    /** Publishes accounts in a currency of their own, balances 100, 200, ...; every fifth one frozen. */
    private static List<UUID> publishAccounts(String currency, int count) throws Exception {
        List<UUID> ids = new ArrayList<>();
        try (Stomp stomp = Stomp.connect("127.0.0.1", Integer.getInteger("it.broker.port"))) {
            for (int i = 1; i <= count; i++) {
                UUID id = UUID.randomUUID();
                ids.add(id);
                stomp.sendText("accounts.events", Events.account(UUID.randomUUID(), "account.created", id, i * 100L,
                        i % 5 == 0 ? "frozen" : "active", 1L, Instant.parse("2026-11-20T10:00:00Z"))
                        .replace("\"EUR\"", "\"" + currency + "\""), Map.of());
            }
        }
        awaitRows("SELECT COUNT(*) FROM accounts_read WHERE currency = '" + currency + "'", count);
        return ids;
    }

    private static void awaitRows(String countSql, int count) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        while (true) {
            try (Connection connection = database(); ResultSet result = connection.createStatement().executeQuery(countSql)) {
                result.next();
                if (result.getLong(1) >= count) {
                    return;
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the read model never held " + count + " rows: " + countSql);
            }
            Thread.sleep(100);
        }
    }

    private static Connection database() throws Exception {
        return DriverManager.getConnection(System.getenv("DB_URL"), System.getenv("DB_USER"), "");
    }

    private static List<String> balances(Browser browser) {
        return browser.all("#list\\:rows_data td.money").stream().map(WebElement::getText).toList();
    }

    @Test
    void listFiltersSearchesSortsAndPages() throws Exception {
        List<UUID> ids = publishAccounts("CLA", 45);
        try (Browser browser = Browser.open(base).loginAsAdmin()) {
            browser.get("accounts/index.xhtml?currency=CLA&sort=balance&dir=asc&size=20");
            assertEquals("45 accounts", browser.text("#list\\:count"));
            assertEquals(20, balances(browser).size());
            assertEquals("1.00 CLA", balances(browser).get(0));
            browser.screenshot("accounts");

            browser.find("#list\\:rows_paginator_top .ui-paginator-next").click();
            browser.waitFor(d -> balances(browser).get(0).equals("21.00 CLA"));
            assertTrue(browser.driver().getCurrentUrl().contains("page=2"), browser.driver().getCurrentUrl());

            browser.find("th[id$='col-balance']").click();
            browser.waitFor(d -> balances(browser).get(0).equals("45.00 CLA"));
            assertTrue(browser.driver().getCurrentUrl().contains("dir=desc"), browser.driver().getCurrentUrl());

            browser.click("#list\\:statuses");
            browser.click("#list\\:statuses_panel li[data-item-value='frozen'] .ui-chkbox-box");
            browser.find("#list\\:apply").click();
            browser.waitFor(d -> browser.text("#list\\:count").equals("9 accounts"));
            assertEquals(List.of("45.00 CLA", "40.00 CLA", "35.00 CLA"), balances(browser).subList(0, 3));
            assertTrue(browser.driver().getCurrentUrl().contains("status=frozen"), browser.driver().getCurrentUrl());

            String wanted = ids.get(6).toString();
            browser.get("accounts/index.xhtml?currency=CLA");
            browser.find("#list\\:search").sendKeys(wanted.substring(0, 8));
            browser.find("#list\\:apply").click();
            browser.waitFor(d -> browser.text("#list\\:count").equals("1 account"));
            assertEquals("7.00 CLA", balances(browser).get(0));

            browser.get("accounts/index.xhtml?q=zz-not-hex");
            assertTrue(browser.text(".ui-growl, .ui-messages").contains("q searches by an id"), browser.driver().getPageSource());
        }
    }

    @Test
    void exportDownloadsTheListAsFilteredAndSortedAndIsAudited() throws Exception {
        publishAccounts("CLB", 30);
        try (Browser browser = Browser.open(base).loginAsAdmin()) {
            browser.get("accounts/index.xhtml?currency=CLB&status=active&sort=balance&dir=desc&size=20");
            assertEquals("24 accounts", browser.text("#list\\:count"));
            browser.find("#list\\:export-csv").click();
            Path csv = browser.awaitDownload(".csv");
            List<CSVRecord> rows;
            try (Reader reader = Files.newBufferedReader(csv)) {
                rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
            }
            assertEquals(24, rows.size());
            assertEquals("2900", rows.get(0).get("balance_cents"));
            assertEquals("29.00 CLB", rows.get(0).get("balance"));
            assertTrue(rows.stream().allMatch(row -> row.get("status").equals("active")));
            assertEquals(rows.stream().map(row -> Long.parseLong(row.get("balance_cents"))).sorted(Comparator.reverseOrder()).toList(),
                    rows.stream().map(row -> Long.parseLong(row.get("balance_cents"))).toList());
        }
        try (Connection connection = database();
             PreparedStatement audit = connection.prepareStatement(
                     "SELECT actor, outcome, details FROM audit_log WHERE action = 'export' AND details LIKE '%CLB%'")) {
            try (ResultSet result = audit.executeQuery()) {
                assertTrue(result.next(), "the export was not audited");
                assertEquals("admin", result.getString("actor"));
                assertEquals("succeeded", result.getString("outcome"));
                assertTrue(result.getString("details").endsWith(": 24 rows"), result.getString("details"));
            }
        }
    }

    @Test
    void savedViewReopensFiltersSortAndColumnsAndTheLastViewReturns() throws Exception {
        publishAccounts("CLC", 12);
        try (Browser browser = Browser.open(base).loginAsAdmin()) {
            browser.get("accounts/index.xhtml?currency=CLC&status=frozen&sort=balance&dir=asc&cols=id,balance,status");
            assertEquals("2 accounts", browser.text("#list\\:count"));
            browser.find("#list\\:view-name").sendKeys("Frozen CLC");
            browser.find("#list\\:save-view").click();
            browser.waitFor(d -> !browser.all("#list\\:views").isEmpty());

            browser.get("accounts/index.xhtml?sort=synced");
            assertTrue(browser.all("th[id$='col-owner']").size() == 1);
            browser.click("#list\\:views a.view-link[title*='CLC']");
            browser.waitFor(d -> d.getCurrentUrl().contains("currency=CLC"));
            assertEquals("2 accounts", browser.text("#list\\:count"));
            assertEquals(List.of("5.00 CLC", "10.00 CLC"), balances(browser));
            assertTrue(browser.all("th[id$='col-owner']").isEmpty(), "the saved view's columns were not restored");

            browser.get("payments/index.xhtml");
            browser.get("accounts/index.xhtml");
            browser.waitFor(d -> d.getCurrentUrl().contains("currency=CLC"));
        }
        awaitRows("SELECT COUNT(*) FROM list_preference WHERE username = 'admin' AND list = 'accounts' AND last_query LIKE '%currency=CLC%'", 1);
    }

    @Test
    void choosingColumnsReopensTheListWithThoseColumnsItsFiltersAndPaging() throws Exception {
        publishAccounts("CLD", 25);
        try (Browser browser = Browser.open(base).loginAsAdmin()) {
            browser.get("accounts/index.xhtml?currency=CLD&sort=balance&dir=asc");
            assertEquals(1, browser.all("th[id$='col-owner']").size());
            browser.click("#list\\:columns");
            browser.click("#list\\:columns_panel li[data-item-value='owner'] .ui-chkbox-box");
            browser.find("#list\\:apply").click();
            browser.waitFor(d -> browser.all("th[id$='col-owner']").isEmpty() && !browser.all("th[id$='col-balance']").isEmpty());
            String url = browser.driver().getCurrentUrl();
            assertTrue(url.contains("currency=CLD") && url.contains("cols=") && !url.contains("owner"), url);
            assertEquals("25 accounts", browser.text("#list\\:count"));
            assertEquals("1.00 CLD", balances(browser).get(0));

            browser.find("#list\\:rows_paginator_top .ui-paginator-next").click();
            browser.waitFor(d -> balances(browser).get(0).equals("21.00 CLD"));
            assertTrue(browser.all("th[id$='col-owner']").isEmpty(), "paging brought back a column that was not chosen");
        }
    }

    @Test
    void detailPagesShowFieldsFreshnessEventsAndALinkThatSaysWhenTheAccountIsMissing() throws Exception {
        UUID accountId = UUID.randomUUID();
        UUID paymentId = UUID.randomUUID();
        try (Stomp stomp = Stomp.connect("127.0.0.1", Integer.getInteger("it.broker.port"))) {
            stomp.sendText("payments.events", Events.payment(UUID.randomUUID(), "payment.created", paymentId, accountId, 123405,
                    "settled", 1, Instant.parse("2026-11-20T10:00:00Z")), Map.of());
        }
        awaitRows("SELECT COUNT(*) FROM payments_read WHERE payment_id = '" + paymentId + "'", 1);
        try (Browser browser = Browser.open(base).loginAsAdmin()) {
            browser.get("payments/payment.xhtml?id=" + paymentId);
            assertEquals("1234.05 USD", browser.text("#amount"));
            assertTrue(browser.text("#account-missing").contains("has not arrived"));
            assertTrue(browser.text("#freshness").contains("Last changed from an event"));
            assertTrue(browser.text("#events").contains("applied"));

            try (Stomp stomp = Stomp.connect("127.0.0.1", Integer.getInteger("it.broker.port"))) {
                stomp.sendText("accounts.events", Events.account(UUID.randomUUID(), "account.created", accountId, -5050L,
                        "active", 1L, Instant.parse("2026-11-20T10:00:00Z")), Map.of());
            }
            awaitRows("SELECT COUNT(*) FROM accounts_read WHERE account_id = '" + accountId + "'", 1);
            browser.get("payments/payment.xhtml?id=" + paymentId);
            browser.screenshot("payment");
            browser.find("a[id$='account-link']").click();
            browser.waitFor(d -> d.getCurrentUrl().contains("accounts/account.xhtml"));
            assertEquals(accountId.toString(), browser.text("#account-id"));
            assertEquals("-50.50 EUR", browser.text("#balance"));
            assertTrue(browser.text("#payments").contains(paymentId.toString()));
            browser.screenshot("account");

            browser.get("accounts/account.xhtml?id=" + UUID.randomUUID());
            assertTrue(browser.text("#error-404").contains("has arrived from the accounts stream"));
        }
    }
}
