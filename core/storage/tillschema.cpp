#include "storage/tillschema.h"

#include "storage/ledgertables.h"
#include "storage/masterrowimages.h"

#include <QJsonDocument>
#include <QList>

namespace Slate::Core::Schema {

namespace {

// Version 1: settings, the append-only journal and its balances (storage/ledgertables.h),
// customers.
const SchemaStatement kVersion1Settings[] = {
    {R"(CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    ) WITHOUT ROWID)"},
};

const SchemaStatement kVersion1Customers[] = {
    {R"(CREATE TABLE customers (
        row INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        card TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        phone TEXT NOT NULL DEFAULT '',
        phone_digits TEXT NOT NULL DEFAULT '',
        email TEXT NOT NULL DEFAULT '',
        created_utc TEXT NOT NULL,
        updated_utc TEXT NOT NULL
    ))"},
    {"CREATE INDEX customers_by_name ON customers(name COLLATE NOCASE)"},
    {"CREATE INDEX customers_by_phone ON customers(phone_digits)"},
};

// Version 2: substring search over name, phone, card and e-mail (FTS5 trigram index), built
// for the customers that version 1 databases already hold.
const SchemaStatement kVersion2[] = {
    {R"(CREATE VIRTUAL TABLE customers_search USING fts5(
        name, phone_digits, card, email,
        content='customers', content_rowid='row', tokenize='trigram'))"},
    {R"(CREATE TRIGGER customers_search_insert AFTER INSERT ON customers BEGIN
        INSERT INTO customers_search(rowid, name, phone_digits, card, email)
        VALUES (new.row, new.name, new.phone_digits, new.card, new.email); END)"},
    {R"(CREATE TRIGGER customers_search_delete AFTER DELETE ON customers BEGIN
        INSERT INTO customers_search(customers_search, rowid, name, phone_digits, card, email)
        VALUES ('delete', old.row, old.name, old.phone_digits, old.card, old.email); END)"},
    {R"(CREATE TRIGGER customers_search_update AFTER UPDATE ON customers BEGIN
        INSERT INTO customers_search(customers_search, rowid, name, phone_digits, card, email)
        VALUES ('delete', old.row, old.name, old.phone_digits, old.card, old.email);
        INSERT INTO customers_search(rowid, name, phone_digits, card, email)
        VALUES (new.row, new.name, new.phone_digits, new.card, new.email); END)"},
    {"INSERT INTO customers_search(customers_search) VALUES ('rebuild')"},
};

// Version 3: users with hashed PINs and lockout, and the audit of every PIN attempt.
const SchemaStatement kVersion3[] = {
    {R"(CREATE TABLE users (
        name TEXT PRIMARY KEY,
        role TEXT NOT NULL CHECK (role IN ('cashier', 'manager', 'admin')),
        pin_salt BLOB NOT NULL,
        pin_hash BLOB NOT NULL,
        pin_iterations INTEGER NOT NULL CHECK (pin_iterations >= 1000),
        override_max INTEGER CHECK (override_max IS NULL OR override_max >= 0),
        active INTEGER NOT NULL DEFAULT 1,
        failed_attempts INTEGER NOT NULL DEFAULT 0,
        locked_until_utc TEXT NOT NULL DEFAULT '',
        created_utc TEXT NOT NULL,
        updated_utc TEXT NOT NULL
    ) WITHOUT ROWID)"},
    {R"(CREATE TABLE auth_attempts (
        id INTEGER PRIMARY KEY,
        user_name TEXT NOT NULL,
        time_utc TEXT NOT NULL,
        purpose TEXT NOT NULL,
        success INTEGER NOT NULL,
        detail TEXT NOT NULL
    ))"},
    {"CREATE INDEX auth_attempts_by_user ON auth_attempts(user_name, id)"},
    {R"(CREATE TRIGGER auth_attempts_no_update BEFORE UPDATE ON auth_attempts
       BEGIN SELECT RAISE(ABORT, 'auth_attempts is an append-only audit'); END)"},
    {R"(CREATE TRIGGER auth_attempts_no_delete BEFORE DELETE ON auth_attempts
       BEGIN SELECT RAISE(ABORT, 'auth_attempts is an append-only audit'); END)"},
};

// Version 4: each customer's credit terms: account limit, overdraft allowance, payment terms
// and a block on credit and account tenders.
const SchemaStatement kVersion4[] = {
    {"ALTER TABLE customers ADD COLUMN credit_limit INTEGER NOT NULL DEFAULT 0 CHECK (credit_limit >= 0)"},
    {"ALTER TABLE customers ADD COLUMN overdraft_limit INTEGER CHECK (overdraft_limit IS NULL OR overdraft_limit >= 0)"},
    {"ALTER TABLE customers ADD COLUMN payment_terms_days INTEGER NOT NULL DEFAULT 30 CHECK (payment_terms_days BETWEEN 0 AND 365)"},
    {"ALTER TABLE customers ADD COLUMN blocked INTEGER NOT NULL DEFAULT 0 CHECK (blocked IN (0, 1))"},
};

// Version 5: the catalog: tax codes with their rates, and products. A product without a barcode
// holds NULL there (not ''), so that any number of them fit the UNIQUE constraint.
const SchemaStatement kVersion5[] = {
    {R"(CREATE TABLE tax_codes (
        code TEXT PRIMARY KEY,
        rate_bp INTEGER NOT NULL CHECK (rate_bp BETWEEN 0 AND 10000),
        name TEXT NOT NULL DEFAULT ''
    ) WITHOUT ROWID)"},
    {R"(CREATE TABLE products (
        sku TEXT PRIMARY KEY,
        barcode TEXT UNIQUE CHECK (barcode IS NULL OR length(barcode) BETWEEN 8 AND 14),
        name TEXT NOT NULL CHECK (length(name) >= 1),
        unit_price INTEGER NOT NULL CHECK (unit_price >= 0),
        tax_code TEXT NOT NULL REFERENCES tax_codes(code),
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_utc TEXT NOT NULL,
        updated_utc TEXT NOT NULL
    ))"},
    {"CREATE INDEX products_by_name ON products(name COLLATE NOCASE)"},
    {"CREATE INDEX products_by_tax_code ON products(tax_code)"},
};

// Version 6: checkout. Sales and their lines (the ledger holds the money; these hold what was
// sold, for receipts and refunds), refunds, manager overrides and invoices. All append-only:
// a sale, refund, override or invoice is a fact; corrections are new records.
const SchemaStatement kVersion6[] = {
    {R"(CREATE TABLE sales (
        id TEXT PRIMARY KEY,
        terminal_id TEXT NOT NULL,
        number INTEGER NOT NULL CHECK (number >= 1),
        entry_id TEXT NOT NULL UNIQUE REFERENCES journal_entries(id),
        store_code TEXT NOT NULL,
        created_utc TEXT NOT NULL,
        cashier TEXT NOT NULL,
        customer_id TEXT NOT NULL DEFAULT '',
        currency TEXT NOT NULL,
        price_mode TEXT NOT NULL CHECK (price_mode IN ('inclusive', 'exclusive')),
        cash_tendered INTEGER NOT NULL DEFAULT 0 CHECK (cash_tendered >= 0),
        change_given INTEGER NOT NULL DEFAULT 0 CHECK (change_given >= 0),
        UNIQUE (terminal_id, number)
    ) WITHOUT ROWID)"},
    {"CREATE INDEX sales_by_customer ON sales(customer_id, created_utc) WHERE customer_id <> ''"},
    {"CREATE INDEX sales_by_time ON sales(created_utc)"},
    {R"(CREATE TABLE sale_lines (
        sale_id TEXT NOT NULL REFERENCES sales(id),
        line INTEGER NOT NULL CHECK (line >= 1),
        sku TEXT NOT NULL,
        name TEXT NOT NULL,
        quantity INTEGER NOT NULL CHECK (quantity >= 1),
        unit_price INTEGER NOT NULL CHECK (unit_price >= 0),
        discount INTEGER NOT NULL DEFAULT 0 CHECK (discount >= 0),
        tax_code TEXT NOT NULL,
        tax_rate_bp INTEGER NOT NULL CHECK (tax_rate_bp BETWEEN 0 AND 10000),
        gross INTEGER NOT NULL,
        net INTEGER NOT NULL,
        tax INTEGER NOT NULL,
        PRIMARY KEY (sale_id, line)
    ) WITHOUT ROWID)"},
    {R"(CREATE TABLE refunds (
        id TEXT PRIMARY KEY,
        terminal_id TEXT NOT NULL,
        number INTEGER NOT NULL CHECK (number >= 1),
        sale_id TEXT NOT NULL REFERENCES sales(id),
        entry_id TEXT NOT NULL UNIQUE REFERENCES journal_entries(id),
        created_utc TEXT NOT NULL,
        cashier TEXT NOT NULL,
        refund_to TEXT NOT NULL CHECK (refund_to IN ('credit', 'cash', 'original')),
        reason TEXT NOT NULL DEFAULT '',
        UNIQUE (terminal_id, number)
    ) WITHOUT ROWID)"},
    {"CREATE INDEX refunds_by_sale ON refunds(sale_id)"},
    {R"(CREATE TABLE refund_lines (
        refund_id TEXT NOT NULL REFERENCES refunds(id),
        sale_id TEXT NOT NULL,
        line INTEGER NOT NULL,
        quantity INTEGER NOT NULL CHECK (quantity >= 1),
        gross INTEGER NOT NULL,
        net INTEGER NOT NULL,
        tax INTEGER NOT NULL,
        PRIMARY KEY (refund_id, line),
        FOREIGN KEY (sale_id, line) REFERENCES sale_lines(sale_id, line)
    ) WITHOUT ROWID)"},
    {"CREATE INDEX refund_lines_by_sale_line ON refund_lines(sale_id, line)"},
    {R"(CREATE TABLE overrides (
        id TEXT PRIMARY KEY,
        created_utc TEXT NOT NULL,
        sale_id TEXT NOT NULL REFERENCES sales(id),
        entry_id TEXT NOT NULL REFERENCES journal_entries(id),
        manager TEXT NOT NULL,
        cashier TEXT NOT NULL,
        customer_id TEXT NOT NULL,
        tender TEXT NOT NULL CHECK (tender IN ('credit', 'account')),
        amount_over INTEGER NOT NULL CHECK (amount_over > 0),
        currency TEXT NOT NULL,
        reason TEXT NOT NULL CHECK (length(reason) >= 1)
    ) WITHOUT ROWID)"},
    {"CREATE INDEX overrides_by_time ON overrides(created_utc)"},
    {R"(CREATE TABLE invoices (
        number TEXT PRIMARY KEY,
        terminal_id TEXT NOT NULL,
        sequence INTEGER NOT NULL CHECK (sequence >= 1),
        customer_id TEXT NOT NULL,
        store_code TEXT NOT NULL,
        entry_id TEXT NOT NULL UNIQUE REFERENCES journal_entries(id),
        issued_date TEXT NOT NULL,
        due_date TEXT NOT NULL,
        UNIQUE (terminal_id, sequence)
    ) WITHOUT ROWID)"},
    {"CREATE INDEX invoices_by_customer ON invoices(customer_id, issued_date)"},
    {"CREATE INDEX invoices_by_due_date ON invoices(due_date)"},
    {R"(CREATE TRIGGER sales_no_update BEFORE UPDATE ON sales
       BEGIN SELECT RAISE(ABORT, 'sales is append-only: record a correcting entry instead'); END)"},
    {R"(CREATE TRIGGER sales_no_delete BEFORE DELETE ON sales
       BEGIN SELECT RAISE(ABORT, 'sales is append-only: record a correcting entry instead'); END)"},
    {R"(CREATE TRIGGER sale_lines_no_update BEFORE UPDATE ON sale_lines
       BEGIN SELECT RAISE(ABORT, 'sale_lines is append-only: record a correcting entry instead'); END)"},
    {R"(CREATE TRIGGER sale_lines_no_delete BEFORE DELETE ON sale_lines
       BEGIN SELECT RAISE(ABORT, 'sale_lines is append-only: record a correcting entry instead'); END)"},
    {R"(CREATE TRIGGER refunds_no_update BEFORE UPDATE ON refunds
       BEGIN SELECT RAISE(ABORT, 'refunds is append-only: record a correcting entry instead'); END)"},
    {R"(CREATE TRIGGER refunds_no_delete BEFORE DELETE ON refunds
       BEGIN SELECT RAISE(ABORT, 'refunds is append-only: record a correcting entry instead'); END)"},
    {R"(CREATE TRIGGER refund_lines_no_update BEFORE UPDATE ON refund_lines
       BEGIN SELECT RAISE(ABORT, 'refund_lines is append-only: record a correcting entry instead'); END)"},
    {R"(CREATE TRIGGER refund_lines_no_delete BEFORE DELETE ON refund_lines
       BEGIN SELECT RAISE(ABORT, 'refund_lines is append-only: record a correcting entry instead'); END)"},
    {R"(CREATE TRIGGER overrides_no_update BEFORE UPDATE ON overrides
       BEGIN SELECT RAISE(ABORT, 'overrides is append-only: record a correcting entry instead'); END)"},
    {R"(CREATE TRIGGER overrides_no_delete BEFORE DELETE ON overrides
       BEGIN SELECT RAISE(ABORT, 'overrides is append-only: record a correcting entry instead'); END)"},
    {R"(CREATE TRIGGER invoices_no_update BEFORE UPDATE ON invoices
       BEGIN SELECT RAISE(ABORT, 'invoices is append-only: record a correcting entry instead'); END)"},
    {R"(CREATE TRIGGER invoices_no_delete BEFORE DELETE ON invoices
       BEGIN SELECT RAISE(ABORT, 'invoices is append-only: record a correcting entry instead'); END)"},
};

// Version 7: the till's sync state, one row: the terminal identity and request-signing secret
// issued by the server at enrolment, the server it syncs with, how far its own journal is
// confirmed by the server, and when it last synced. Pulled entries need no cursor here: the
// journal itself holds each other terminal's highest sequence (see core/ledger/foreignentries.h).
const SchemaStatement kVersion7[] = {
    {R"(CREATE TABLE sync_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        server_url TEXT NOT NULL DEFAULT '',
        enrolled_terminal_id TEXT NOT NULL DEFAULT '',
        terminal_secret BLOB CHECK (terminal_secret IS NULL OR length(terminal_secret) = 32),
        pushed_sequence INTEGER NOT NULL DEFAULT 0 CHECK (pushed_sequence >= 0),
        last_sync_utc TEXT NOT NULL DEFAULT '',
        last_error TEXT NOT NULL DEFAULT ''
    ))"},
    {"INSERT INTO sync_state (id) VALUES (1)"},
};

// Version 8: versions and an outbox for master data, so that customers, their credit terms,
// users (with PIN hashes, never PINs), tax codes, products and the chain-wide settings flow
// till -> server -> other tills. A local change (from any code path) is caught by a trigger
// that stamps it with this till's hybrid logical clock (master_clock.version: Unix ms * 1024
// plus a counter, never going back) and its terminal id, and queues it in master_outbox.
// master_versions holds each record's current (version, node); the higher pair wins on every
// node (see core/masterdata/masterdata.h). master_history keeps every value that lost or was replaced.
// Changes pulled from the server are applied with master_clock.applying = 1 inside the
// applying transaction, which keeps the triggers quiet. Existing records are queued once here.
const SchemaStatement kVersion8[] = {
    {R"(CREATE TABLE master_clock (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        version INTEGER NOT NULL DEFAULT 0 CHECK (version >= 0),
        applying INTEGER NOT NULL DEFAULT 0 CHECK (applying IN (0, 1)),
        pushed_through INTEGER NOT NULL DEFAULT 0 CHECK (pushed_through >= 0),
        pulled_after INTEGER NOT NULL DEFAULT 0 CHECK (pulled_after >= 0)
    ))"},
    {"INSERT INTO master_clock (id) VALUES (1)"},
    {R"(CREATE TABLE master_versions (
        kind TEXT NOT NULL,
        key TEXT NOT NULL,
        version INTEGER NOT NULL,
        node TEXT NOT NULL,
        PRIMARY KEY (kind, key)
    ) WITHOUT ROWID)"},
    {R"(CREATE TABLE master_outbox (
        seq INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        key TEXT NOT NULL,
        version INTEGER NOT NULL,
        node TEXT NOT NULL,
        data TEXT NOT NULL
    ))"},
    {R"(CREATE TABLE master_history (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        key TEXT NOT NULL,
        version INTEGER NOT NULL,
        node TEXT NOT NULL,
        data TEXT NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('lost', 'superseded', 'card-conflict', 'unapplied')),
        detail TEXT NOT NULL DEFAULT '',
        recorded_utc TEXT NOT NULL
    ))"},
    {"CREATE INDEX master_history_by_record ON master_history(kind, key, id)"},
    // Writing a row into this view records one local change of a master record.
    {"CREATE VIEW master_local_changes AS SELECT kind, key, data FROM master_outbox"},
    {R"(CREATE TRIGGER master_local_change INSTEAD OF INSERT ON master_local_changes BEGIN
        UPDATE master_clock SET version = max(version + 1,
            CAST((julianday('now') - 2440587.5) * 86400000.0 AS INTEGER) * 1024) WHERE id = 1;
        INSERT INTO master_outbox (kind, key, version, node, data)
            SELECT new.kind, new.key, version, coalesce((SELECT value FROM settings WHERE key = 'terminal_id'), ''), new.data
            FROM master_clock WHERE id = 1;
        INSERT INTO master_versions (kind, key, version, node)
            SELECT new.kind, new.key, version, coalesce((SELECT value FROM settings WHERE key = 'terminal_id'), '')
            FROM master_clock WHERE id = 1
            ON CONFLICT (kind, key) DO UPDATE SET version = excluded.version, node = excluded.node; END)"},
    {R"(CREATE TRIGGER customers_master_insert AFTER INSERT ON customers
       WHEN (SELECT applying FROM master_clock WHERE id = 1) = 0 BEGIN
        INSERT INTO master_local_changes (kind, key, data) VALUES ('customer', new.id,
            json_object('card', new.card, 'name', new.name, 'phone', new.phone, 'email', new.email));
        INSERT INTO master_local_changes (kind, key, data) SELECT 'customer-terms', new.id,
            json_object('creditLimit', new.credit_limit, 'overdraftLimit', new.overdraft_limit,
                        'paymentTermsDays', new.payment_terms_days, 'blocked', new.blocked)
            WHERE new.credit_limit <> 0 OR new.overdraft_limit IS NOT NULL OR new.payment_terms_days <> 30 OR new.blocked <> 0; END)"},
    {R"(CREATE TRIGGER customers_master_update AFTER UPDATE ON customers
       WHEN (SELECT applying FROM master_clock WHERE id = 1) = 0
        AND (old.card IS NOT new.card OR old.name IS NOT new.name OR old.phone IS NOT new.phone OR old.email IS NOT new.email) BEGIN
        INSERT INTO master_local_changes (kind, key, data) VALUES ('customer', new.id,
            json_object('card', new.card, 'name', new.name, 'phone', new.phone, 'email', new.email)); END)"},
    {R"(CREATE TRIGGER customers_terms_master_update AFTER UPDATE ON customers
       WHEN (SELECT applying FROM master_clock WHERE id = 1) = 0
        AND (old.credit_limit IS NOT new.credit_limit OR old.overdraft_limit IS NOT new.overdraft_limit
             OR old.payment_terms_days IS NOT new.payment_terms_days OR old.blocked IS NOT new.blocked) BEGIN
        INSERT INTO master_local_changes (kind, key, data) VALUES ('customer-terms', new.id,
            json_object('creditLimit', new.credit_limit, 'overdraftLimit', new.overdraft_limit,
                        'paymentTermsDays', new.payment_terms_days, 'blocked', new.blocked)); END)"},
    {R"(CREATE TRIGGER users_master_insert AFTER INSERT ON users
       WHEN (SELECT applying FROM master_clock WHERE id = 1) = 0 BEGIN
        INSERT INTO master_local_changes (kind, key, data) VALUES ('user', new.name,
            json_object('role', new.role, 'pinSalt', lower(hex(new.pin_salt)), 'pinHash', lower(hex(new.pin_hash)),
                        'pinIterations', new.pin_iterations, 'overrideMax', new.override_max, 'active', new.active)); END)"},
    {R"(CREATE TRIGGER users_master_update AFTER UPDATE ON users
       WHEN (SELECT applying FROM master_clock WHERE id = 1) = 0
        AND (old.role IS NOT new.role OR old.pin_salt IS NOT new.pin_salt OR old.pin_hash IS NOT new.pin_hash
             OR old.pin_iterations IS NOT new.pin_iterations OR old.override_max IS NOT new.override_max
             OR old.active IS NOT new.active) BEGIN
        INSERT INTO master_local_changes (kind, key, data) VALUES ('user', new.name,
            json_object('role', new.role, 'pinSalt', lower(hex(new.pin_salt)), 'pinHash', lower(hex(new.pin_hash)),
                        'pinIterations', new.pin_iterations, 'overrideMax', new.override_max, 'active', new.active)); END)"},
    {R"(CREATE TRIGGER tax_codes_master_insert AFTER INSERT ON tax_codes
       WHEN (SELECT applying FROM master_clock WHERE id = 1) = 0 BEGIN
        INSERT INTO master_local_changes (kind, key, data) VALUES ('tax-code', new.code,
            json_object('rateBasisPoints', new.rate_bp, 'name', new.name)); END)"},
    {R"(CREATE TRIGGER tax_codes_master_update AFTER UPDATE ON tax_codes
       WHEN (SELECT applying FROM master_clock WHERE id = 1) = 0
        AND (old.rate_bp IS NOT new.rate_bp OR old.name IS NOT new.name) BEGIN
        INSERT INTO master_local_changes (kind, key, data) VALUES ('tax-code', new.code,
            json_object('rateBasisPoints', new.rate_bp, 'name', new.name)); END)"},
    {R"(CREATE TRIGGER products_master_insert AFTER INSERT ON products
       WHEN (SELECT applying FROM master_clock WHERE id = 1) = 0 BEGIN
        INSERT INTO master_local_changes (kind, key, data) VALUES ('product', new.sku,
            json_object('barcode', new.barcode, 'name', new.name, 'unitPrice', new.unit_price, 'taxCode', new.tax_code,
                        'active', new.active)); END)"},
    {R"(CREATE TRIGGER products_master_update AFTER UPDATE ON products
       WHEN (SELECT applying FROM master_clock WHERE id = 1) = 0
        AND (old.barcode IS NOT new.barcode OR old.name IS NOT new.name OR old.unit_price IS NOT new.unit_price
             OR old.tax_code IS NOT new.tax_code OR old.active IS NOT new.active) BEGIN
        INSERT INTO master_local_changes (kind, key, data) VALUES ('product', new.sku,
            json_object('barcode', new.barcode, 'name', new.name, 'unitPrice', new.unit_price, 'taxCode', new.tax_code,
                        'active', new.active)); END)"},
    // Only the chain-wide checkout settings travel; the store's identity stays with the till.
    {R"(CREATE TRIGGER settings_master_insert AFTER INSERT ON settings
       WHEN (SELECT applying FROM master_clock WHERE id = 1) = 0 AND new.key IN ('price_mode', 'cash_rounding_minor',
            'limit_scope', 'pin_failures_max', 'pin_lockout_seconds', 'offline_after_minutes', 'offline_cap_minor') BEGIN
        INSERT INTO master_local_changes (kind, key, data) VALUES ('setting', new.key, json_object('value', new.value)); END)"},
    {R"(CREATE TRIGGER settings_master_update AFTER UPDATE ON settings
       WHEN (SELECT applying FROM master_clock WHERE id = 1) = 0 AND old.value IS NOT new.value AND new.key IN ('price_mode',
            'cash_rounding_minor', 'limit_scope', 'pin_failures_max', 'pin_lockout_seconds', 'offline_after_minutes',
            'offline_cap_minor') BEGIN
        INSERT INTO master_local_changes (kind, key, data) VALUES ('setting', new.key, json_object('value', new.value)); END)"},
    // What an older till already holds is queued once, so that it reaches the server.
    {R"(INSERT INTO master_local_changes (kind, key, data) SELECT 'setting', key, json_object('value', value) FROM settings
       WHERE key IN ('price_mode', 'cash_rounding_minor', 'limit_scope', 'pin_failures_max', 'pin_lockout_seconds',
                     'offline_after_minutes', 'offline_cap_minor') ORDER BY key)"},
    {R"(INSERT INTO master_local_changes (kind, key, data) SELECT 'tax-code', code,
        json_object('rateBasisPoints', rate_bp, 'name', name) FROM tax_codes ORDER BY code)"},
    {R"(INSERT INTO master_local_changes (kind, key, data) SELECT 'product', sku,
        json_object('barcode', barcode, 'name', name, 'unitPrice', unit_price, 'taxCode', tax_code, 'active', active)
        FROM products ORDER BY sku)"},
    {R"(INSERT INTO master_local_changes (kind, key, data) SELECT 'user', name,
        json_object('role', role, 'pinSalt', lower(hex(pin_salt)), 'pinHash', lower(hex(pin_hash)),
                    'pinIterations', pin_iterations, 'overrideMax', override_max, 'active', active) FROM users ORDER BY name)"},
    {R"(INSERT INTO master_local_changes (kind, key, data) SELECT 'customer', id,
        json_object('card', card, 'name', name, 'phone', phone, 'email', email) FROM customers ORDER BY row)"},
    {R"(INSERT INTO master_local_changes (kind, key, data) SELECT 'customer-terms', id,
        json_object('creditLimit', credit_limit, 'overdraftLimit', overdraft_limit,
                    'paymentTermsDays', payment_terms_days, 'blocked', blocked) FROM customers
        WHERE credit_limit <> 0 OR overdraft_limit IS NOT NULL OR payment_terms_days <> 30 OR blocked <> 0 ORDER BY row)"},
};

// Version 9: master data carries every amount as a decimal string with its currency (sync
// protocol 2, sync/PROTOCOL.md). master_history keeps values in the form they travel in, so the
// values kept in the earlier form (amounts as integers in minor units of the store's currency)
// are rewritten by Money, in the store's currency. The outbox keeps the triggers' row images,
// which are converted as they are read (core/storage/masterrowimages.h): nothing to do there.
Result<void> rewriteMasterHistory(Database &database)
{
    const QString doing = QStringLiteral("rewrite the amounts of master_history as decimal strings");
    Result<Query> setting = database.run(QStringLiteral("SELECT value FROM settings WHERE key = 'currency'"), {}, doing);
    if (!setting)
        return setting.error();
    const std::optional<Currency> currency = setting->next() ? Currency::fromCode(setting->value(0).toString()) : std::nullopt;
    setting->finish();
    if (!currency)
        return {}; // a till that was never set up holds no master records
    Result<Query> rows = database.run(QStringLiteral("SELECT id, kind, key, data FROM master_history ORDER BY id"), {}, doing);
    if (!rows)
        return rows.error();
    struct Rewrite {
        qint64 id;
        QString data;
    };
    QList<Rewrite> rewrites;
    while (rows->next()) {
        const QString kind = rows->value(1).toString();
        const QString key = rows->value(2).toString();
        const QJsonObject before = QJsonDocument::fromJson(rows->value(3).toString().toUtf8()).object();
        const QJsonObject after = MasterRowImages::withDecimalAmounts(kind, key, before, *currency);
        if (after != before)
            rewrites.append(Rewrite{rows->value(0).toLongLong(), QString::fromUtf8(QJsonDocument(after).toJson(QJsonDocument::Compact))});
    }
    rows->finish();
    for (const Rewrite &rewrite : rewrites) {
        if (auto updated = database.run(QStringLiteral("UPDATE master_history SET data = ? WHERE id = ?"), {rewrite.data, rewrite.id}, doing);
            !updated)
            return updated.error();
    }
    return {};
}

// Version 10: day end (core/checkout/dayend.h). till_events is the till's electronic journal of
// what is not money: drawer openings without a sale, X and Z reports, reprints (SAF-T Cash
// Register's events). day_reports keeps every X and Z report as it was printed (body: its JSON),
// each kind numbered gap-free per till; a Z names the journal sequences and events it closed, so
// the next day starts exactly after them, and carries the grand totals since the till's first
// day. Both append-only.
const SchemaStatement kVersion10[] = {
    {R"(CREATE TABLE till_events (
        id INTEGER PRIMARY KEY,
        terminal_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('drawer-open', 'x-report', 'z-report', 'report-copy')),
        created_utc TEXT NOT NULL,
        user_name TEXT NOT NULL,
        reference TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT ''
    ))"},
    {"CREATE INDEX till_events_by_terminal ON till_events(terminal_id, id)"},
    {R"(CREATE TABLE day_reports (
        terminal_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('X', 'Z')),
        number INTEGER NOT NULL CHECK (number >= 1),
        created_utc TEXT NOT NULL,
        user_name TEXT NOT NULL,
        sequence_after INTEGER NOT NULL CHECK (sequence_after >= 0),
        sequence_through INTEGER NOT NULL CHECK (sequence_through >= sequence_after),
        event_after INTEGER NOT NULL CHECK (event_after >= 0),
        event_through INTEGER NOT NULL CHECK (event_through >= event_after),
        currency TEXT NOT NULL,
        counted INTEGER,
        expected INTEGER NOT NULL,
        difference_entry_id TEXT NOT NULL DEFAULT '',
        grand_sales INTEGER NOT NULL,
        grand_returns INTEGER NOT NULL,
        grand_net INTEGER NOT NULL,
        body TEXT NOT NULL,
        PRIMARY KEY (terminal_id, kind, number),
        CHECK ((kind = 'Z') = (counted IS NOT NULL))
    ) WITHOUT ROWID)"},
    {"CREATE INDEX day_reports_by_time ON day_reports(created_utc)"},
    // A report finds the day's overrides from the day's entries.
    {"CREATE INDEX overrides_by_entry ON overrides(entry_id)"},
    {R"(CREATE TRIGGER till_events_no_update BEFORE UPDATE ON till_events
       BEGIN SELECT RAISE(ABORT, 'till_events is append-only'); END)"},
    {R"(CREATE TRIGGER till_events_no_delete BEFORE DELETE ON till_events
       BEGIN SELECT RAISE(ABORT, 'till_events is append-only'); END)"},
    {R"(CREATE TRIGGER day_reports_no_update BEFORE UPDATE ON day_reports
       BEGIN SELECT RAISE(ABORT, 'day_reports is append-only: a report is a fact'); END)"},
    {R"(CREATE TRIGGER day_reports_no_delete BEFORE DELETE ON day_reports
       BEGIN SELECT RAISE(ABORT, 'day_reports is append-only: a report is a fact'); END)"},
};

// Version 11: other terminals' entries this till cannot store (core/ledger/quarantine.h), kept
// aside with why, so that one of them never stops the till's sync of everything after it.
const SchemaStatement kVersion11[] = {
    {R"(CREATE TABLE quarantined_entries (
        entry_id TEXT PRIMARY KEY,
        terminal_id TEXT NOT NULL,
        sequence INTEGER NOT NULL CHECK (sequence >= 1),
        kind TEXT NOT NULL,
        hash BLOB NOT NULL,
        reason TEXT NOT NULL,
        recorded_utc TEXT NOT NULL,
        UNIQUE (terminal_id, sequence)
    ))"},
};

// Version 12: the request id a caller gives a sale (SaleRequest::requestId), so that a retry after
// a lost answer or a crash gives the first sale back instead of charging again. fingerprint is
// the SHA-256 of what the request asked for; the same id with another request is refused.
// Append-only, like the sales it points at.
const SchemaStatement kVersion12[] = {
    {R"(CREATE TABLE sale_requests (
        request_id TEXT PRIMARY KEY,
        sale_id TEXT NOT NULL UNIQUE REFERENCES sales(id),
        fingerprint BLOB NOT NULL,
        created_utc TEXT NOT NULL
    ) WITHOUT ROWID)"},
    {R"(CREATE TRIGGER sale_requests_no_update BEFORE UPDATE ON sale_requests
       BEGIN SELECT RAISE(ABORT, 'sale_requests is append-only'); END)"},
    {R"(CREATE TRIGGER sale_requests_no_delete BEFORE DELETE ON sale_requests
       BEGIN SELECT RAISE(ABORT, 'sale_requests is append-only'); END)"},
};

// Version 13: retry-safe enrolment (sync/PROTOCOL.md, "Enrolment"). Before a till sends an
// enrolment code it keeps the code's SHA-256 and the random request value it sends with it, so
// that a retry after a lost answer (a crash, a cut connection) sends the same value and gets the
// same secret; both are cleared in the statement that stores the secret.
const SchemaStatement kVersion13[] = {
    {"ALTER TABLE sync_state ADD COLUMN pending_enrolment_code_hash BLOB CHECK (pending_enrolment_code_hash IS NULL OR "
     "length(pending_enrolment_code_hash) = 32)"},
    {"ALTER TABLE sync_state ADD COLUMN pending_enrolment_request TEXT NOT NULL DEFAULT ''"},
};

} // namespace

const SchemaDefinition &till()
{
    static const MigrationStep steps[] = {
        {{kVersion1Settings, LedgerTables::journal(), LedgerTables::balances(), kVersion1Customers}},
        {{kVersion2}}, {{kVersion3}}, {{kVersion4}}, {{kVersion5}}, {{kVersion6}}, {{kVersion7}}, {{kVersion8}},
        {{}, &rewriteMasterHistory}, {{kVersion10}}, {{kVersion11}}, {{kVersion12}}, {{kVersion13}},
    };
    static const SchemaDefinition schema{"till", kApplicationId, VersionStore::UserVersionPragma, steps, "Slate", "slatectl init"};
    Q_ASSERT(schema.newestVersion() == kCurrentVersion);
    return schema;
}

} // namespace Slate::Core::Schema
