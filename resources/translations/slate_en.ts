<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Slate::Ui::AdjustDialog</name>
    <message>
        <source>Adjust store credit of %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Store credit now: %1. A negative amount takes credit away.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Adjustment amount</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Required, e.g. goodwill for a late delivery</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Amount (+/−)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Adjust</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Type the amount, e.g. %1 or -%1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Slate::Ui::AmountEdit</name>
    <message>
        <source>That amount is far beyond any real sale; the most that can be typed is %1.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Slate::Ui::BackOfficeWindow</name>
    <message>
        <source>Slate back office — %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Customers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Invoices</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Overrides log</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Users</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Store settings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Signed in as %1 (%2). Changes here are recorded under this name.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Search name, phone, card or e-mail (Enter); empty lists the first %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Search customers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Customers with their credit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Edit credit terms…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Credit details…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Update with accounting entry…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Adjust credit…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Invoices…</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n customer(s).</source>
        <translation>
            <numerusform>%n customer.</numerusform><numerusform>%n customers.</numerusform></translation>
    </message>
    <message>
        <source>Select a customer in the list first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Customer card number</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Invoice accrued sales</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Record payment…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Invoice</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Issued</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Outstanding</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The customer's invoices</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Overdue invoices</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Overdue invoices, all customers (oldest first)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>⚠ Overdue %n day(s)</source>
        <translation>
            <numerusform>⚠ Overdue %n day</numerusform><numerusform>⚠ Overdue %n days</numerusform></translation>
    </message>
    <message>
        <source>Paid</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No customer with card %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: limit %2, accrued (not invoiced) %3, invoiced %4, overdue %5, available %6</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show a customer first (card number, Enter).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Invoice %1 issued for %2, due %3.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Select an invoice first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Select an overdue invoice first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>From date</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>To date</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Manager</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cashier</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tender</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Over by</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sale</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Largest override</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Wrong PINs</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add user…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New PIN…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unlock</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Inactive</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>✖ Locked until %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>no maximum</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Select a user first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is unlocked.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 (chosen when the store was created; it names every amount in the journal)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Prices</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cash rounding</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Credit limit scope</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Wrong PINs before a lockout</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Lockout in minutes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save settings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Store</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1, till %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Currency</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Prices</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cash &amp;rounding (smallest coin)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Credit &amp;limit applies</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Wrong PINs before lockout</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Lockout &amp;time</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cash rounding: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Saved. The till uses the new settings from the next sale.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Export format</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Journal for hledger / ledger (.journal)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>CSV, one row per posting (.csv)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Export file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Export to</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Export progress</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel export</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Format</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>F&amp;ile</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose a file to export to.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Exporting…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Exported %n entries to %1.</source>
        <translation>
            <numerusform>Exported %n entry to %1.</numerusform><numerusform>Exported %n entries to %1.</numerusform></translation>
    </message>
    <message>
        <source>The settings were changed at another till; the form shows them as they are now in force.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Showing %n customer(s); more may match — search to narrow the list.</source>
        <translation>
            <numerusform>Showing %n customer; more may match — search to narrow the list.</numerusform><numerusform>Showing %n customers; more may match — search to narrow the list.</numerusform></translation>
    </message>
</context>
<context>
    <name>Slate::Ui::CartModel</name>
    <message>
        <source>Item</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Qty</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Discount</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>"%1" is not a quantity; type a whole number such as 2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>"%1" is not an amount; type it like %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>That quantity is too large.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Select a line first.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Slate::Ui::CheckoutWindow</name>
    <message>
        <source>Slate — till %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Scan a barcode or customer card, or type to search products (3*code adds 3)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Scan or search</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Till message</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sale lines</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove customer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>TOTAL</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Quantity</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Discount</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Del</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove line</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ctrl+Del</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Clear sale</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Customer details</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Top up</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Refund</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Park sale</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Recall sale</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Manager</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>PAY</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>● Local only — sync is not set up</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sync status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Log out (Ctrl+L)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1
%2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Shortcut %1</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform><numerusform>%n items</numerusform></translation>
    </message>
    <message>
        <source>of which tax %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 (%2) · store %3 · till %4</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n parked sale(s) — F8 recalls</source>
        <translation>
            <numerusform>%n parked sale — F8 recalls</numerusform><numerusform>%n parked sales — F8 recalls</numerusform></translation>
    </message>
    <message>
        <source>Nothing found for "%1": no product, and no customer card.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Added %1 × %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Customer %1 attached.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Scan an item first; F3 changes the quantity of the selected line.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Scan an item first; F4 gives a discount on the selected line.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Removed %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sale cleared.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nothing to pay yet: scan the items first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sale %1 paid. Change: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Receipt %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Added %1 to %2's store credit.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Top-up</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Refund %1 done.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Refund %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nothing to park.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 sales are parked already; recall one first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sale parked. F8 recalls it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No parked sales.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Finish or park the current sale before recalling another.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sale recalled.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%1 — %2 — %n line(s), about %3</source>
        <translation>
            <numerusform>%1 — %2 — %n line, about %3</numerusform><numerusform>%1 — %2 — %n lines, about %3</numerusform></translation>
    </message>
    <message>
        <source>no customer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Recall a parked sale</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Which sale?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Shift+F2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 removed from the sale.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Recall</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>● Sync starting</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>● Online</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>● OFFLINE — sales are kept here and sent later</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>● SYNC REFUSED: %1</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n entries waiting</source>
        <translation>
            <numerusform>%n entry waiting</numerusform><numerusform>%n entries waiting</numerusform></translation>
    </message>
    <message>
        <source>last sync %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>never synced</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Void last</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>VOID: %1 was taken back.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the top-up</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>VOID</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No discount on %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Discount of %1 on %2, authorised by %3.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Discount of %1 on %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Shift+F10</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Day end</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Slate::Ui::CreditWizard</name>
    <message>
        <source>Update with accounting entry — %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>How much store credit did %1 pay for?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Amount</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Which payment journal received the money?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Note and confirm</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>e.g. bank transfer reference</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Note</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Adds %1 to the store credit of %2, received by %3. The wallet becomes %4.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Type an amount above zero.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&lt; Back</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Next &gt;</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add credit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Slate::Ui::CustomerCard</name>
    <message>
        <source>Customer credit card</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Wallet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Overdraft allowed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Credit limit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Accrued, not invoiced</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Invoiced, unpaid</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Overdue</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Available on account</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No customer. Press F2 or scan a customer card.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Could not read %1's credit: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Card %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No account</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1, card %2, %3, wallet %4, available on account %5</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>None (blocked)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Slate::Ui::CustomerCreditModel</name>
    <message>
        <source>none</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Card</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Wallet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Overdraft</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Limit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Used</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Available</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Overdue</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Slate::Ui::CustomerDetailsDialog</name>
    <message>
        <source>Customer %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Balance after</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>By</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Credit history</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Invoice</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Issued</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Outstanding</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Invoices</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Receipt</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Paid with</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sales</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Recent sales</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Payments and invoices</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>⚠ Overdue</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Paid</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Slate::Ui::CustomerListModel</name>
    <message>
        <source>Card</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Slate::Ui::CustomerSearchDialog</name>
    <message>
        <source>Attach customer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Scan the customer card, or type name, phone or card number</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No customer matches "%1".</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n customer(s) found.</source>
        <translation>
            <numerusform>%n customer found.</numerusform><numerusform>%n customers found.</numerusform></translation>
    </message>
    <message>
        <source>Too many customers to look through for "%1"; type more to narrow the search.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Showing %n customer(s); more may match — type more to narrow the search.</source>
        <translation>
            <numerusform>Showing %n customer; more may match — type more to narrow the search.</numerusform><numerusform>Showing %n customers; more may match — type more to narrow the search.</numerusform></translation>
    </message>
</context>
<context>
    <name>Slate::Ui::DayEndDialog</name>
    <message>
        <source>Day end</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Float, cash in or out, or the counted cash for a Z report</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Why, e.g. change from the safe or takings to the bank</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Amount</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open with &amp;float</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cash &amp;in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cash &amp;out</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;No sale (open drawer)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;X report</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Z report: close the day</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Till %1 · the drawer should hold %2 · today %3 sales, net %4</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A cashier may not run the day end in this store; ask a manager.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Type the amount first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Give a reason; it is recorded with the cash.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The drawer holds %1; a cash out cannot take more.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The till is open with a float of %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cash in: %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cash out: %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The drawer was opened without a sale; it is counted on the next report.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>X report %1 is stored; nothing was closed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>X report %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Count the drawer and type the counted cash first; the Z report closes the day.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Z report %1 closed the day: counted %2, expected %3, difference %4.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Z report %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>R&amp;eason</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Slate::Ui::DiscountDialog</name>
    <message>
        <source>Line discount</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Discount on %1 (line %2). Type a percentage such as 30% or an amount such as %3; leave it empty for no discount.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Discount</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>e.g. 10% or %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Why, e.g. damaged packaging</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Apply (Enter)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>"%1" is not a percentage from 0 to 100; type it like 10%.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>"%1" is neither a percentage nor an amount; type it like 10% or %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A discount of %1 % is more than the %2 % you may give alone. A manager can authorise it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A discount of %1 % needs a manager, and there is no manager user; add one in the back office.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Give a reason; it is recorded with the sale.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Wrong manager or PIN; no discount was given.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Slate::Ui::InvoicePaymentDialog</name>
    <message>
        <source>Record payment of %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Invoice %1, due %2: %3 outstanding of %4.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Amount paid</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Paid by</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Amount</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Paid &amp;by</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Note</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Record payment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Type the amount paid.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Slate::Ui::Labels</name>
    <message>
        <source>✓ OK</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>⚠ NEAR LIMIT</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>✖ OVER LIMIT</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>⚠ OVERDUE INVOICE</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>✖ BLOCKED</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Credit and account can be used.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Little left on account.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Account is over its limit; account sales need a manager.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>An invoice is past due; ask the customer to pay it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No store credit or account sales; take cash or card.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Store credit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cash</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Card</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Top-up</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Adjustment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sale</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Refund</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Invoice</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Payment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reversal</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Bank transfer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cashier</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Manager</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Administrator</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>To store credit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>In cash</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>To the original tenders</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Shared by all stores</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Per store</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Prices include tax</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Prices exclude tax</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Refused: only %1 available, %2 over.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Refused: the customer is blocked from credit and account.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Refused: no account (credit limit 0).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Wrong user or PIN.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Locked after too many wrong PINs. A manager can unlock it in the back office. (%1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Float</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cash in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cash out</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cash difference</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Slate::Ui::LoginDialog</name>
    <message>
        <source>Slate — log in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Back office — manager PIN</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Slate till %1 · store %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The back office needs a manager's PIN.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Who is at the till</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Login message</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Log in (Enter)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>1. Pick your name (↑/↓)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>2. Type your PIN</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>There are no users yet. Add one with: slatectl user add --name NAME --role cashier --pin -</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pick your name first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Type your PIN.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is a cashier; the back office needs a manager.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 (%2): PIN %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New demo database. Demo users: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Slate::Ui::ManagerPinFields</name>
    <message>
        <source>Manager</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Manager PIN</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Manager</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;PIN</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Slate::Ui::OverrideDialog</name>
    <message>
        <source>Manager override</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Allow %1 to pay %2 more by %3 than is available. A manager authorises this with their PIN; it is recorded with the reason.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Why, e.g. regular customer, pays on Friday</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Authorise (Enter)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>There is no manager user; add one in the back office.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Give a reason; it goes into the overrides log.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Wrong manager or PIN; nothing was authorised.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Slate::Ui::PaymentDialog</name>
    <message>
        <source>Payment</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Amount due</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Still to pay</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Customer: %1 (card %2), store credit %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cash handed over:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>What is missing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Complete sale (F12)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Back to sale (Esc)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1  %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cash: exact amount</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: the rest</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 amount</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Manager override…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Manager override for %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Attach a customer to use this.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: "%2" is not an amount.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>✓ Over by %1, authorised by %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>✖ %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cash due %1 (rounded by %2).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ready: press Enter or F12 to complete the sale.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cash handed over: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The sale was not completed: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is refused: lower it, pay the rest another way, or ask a manager to override.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 cannot be used for this customer; take another tender.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 still to pay: add a tender (F1–F4).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The other tenders already cover the total: clear the cash amount, or lower them.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>✖ Nothing available. %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Available: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>store credit after this sale: %1 (overdraft)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Slate::Ui::PinPad</name>
    <message>
        <source>Clear</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Clear PIN</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Erase last digit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>PIN</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Slate::Ui::ProductListModel</name>
    <message>
        <source>Product</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>SKU</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Barcode</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Slate::Ui::ProductSearchDialog</name>
    <message>
        <source>Find product</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Type part of the name, the SKU or the barcode</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No product matches "%1".</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n product(s) found.</source>
        <translation>
            <numerusform>%n product found.</numerusform><numerusform>%n products found.</numerusform></translation>
    </message>
</context>
<context>
    <name>Slate::Ui::ReceiptDialog</name>
    <message>
        <source>Receipt</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Next customer (Enter)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Print… (Ctrl+P)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Print receipt</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save receipt as PDF</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Receipt not saved</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Slate::Ui::Receipts</name>
    <message>
        <source>Store %1 · till %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No. %1 · %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Served by %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Wallet after</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Available on account after</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Receipt</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Customer: %1 (card %2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 × %2 %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>discount %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>of which tax</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 (manager override)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cash handed over</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cash rounding</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Thank you!</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Store credit top-up</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Added to store credit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Paid by</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Refund</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>For sale %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Returned goods</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Paid back: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Could not write the receipt to %1; check the folder and the disk.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 authorised %2 over on %3.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>VOID</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>*** VOID ***</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sale %1 is void.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The top-up is void.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Voided</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Authorised by</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Store credit now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Z report</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>X report</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The day since %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The till's first day</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sales</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Returns</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Voided sales</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Net sales</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Discounts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Manager overrides</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Voids (sales and top-ups)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tenders</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>VAT</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 %2 %: net %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not sales</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Store-credit top-ups (%1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Invoice payments (%1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Store-credit adjustments</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Drawer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>At the start of the day</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Float</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cash in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cash out</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cash of sales</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cash of top-ups</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cash of invoice payments</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Expected in the drawer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Counted by %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Difference</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Receipts and events</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Receipts: sales, returns, voids</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1, %2, %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Copies printed: receipts, reports</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Drawer openings without a sale</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Grand totals since the till's first day</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Returns and voided sales</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Net</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Slate::Ui::RefundDialog</name>
    <message>
        <source>Refund or return</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Receipt number</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Scan or type the receipt number, e.g. T1-000042</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Find</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Receipt</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The customer's recent sales</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No sale chosen.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sold</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Returned before</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Return now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Lines of the sale</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>e.g. damaged, wrong size</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pay back</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Refund</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Recent sales of %1:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No sale with receipt number %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>, customer %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sale %1 of %2, total %3%4</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Return quantity of %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Find the sale first: scan its receipt number or pick one of the customer's sales.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Set how many of which item come back.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Slate::Ui::SearchDialog</name>
    <message>
        <source>Search results</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose (Enter)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Slate::Ui::TermsDialog</name>
    <message>
        <source>Credit terms of %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Credit limit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The wallet may go below zero</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Overdraft limit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Payment terms in days</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Blocked: no store credit or account sales</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Credit &amp;limit (0 = no account)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Overdraft down to minus</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Payment terms</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1, card %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Credit limit: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Overdraft: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Slate::Ui::TopUpDialog</name>
    <message>
        <source>Top up store credit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 (card %2) has %3 of store credit.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Amount to add</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Top up %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Paid by %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Optional, e.g. gift card</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Amount</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Paid by</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Note</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Top up (Enter)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Type the amount to add, e.g. %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Why, e.g. gift cards for the staff party</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Refused: the wallet may hold at most %1; at most %2 can be added.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add %1 to the store credit of %2 (card %3), paid by %4?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A cashier may top up at most %1 at a time and %2 a day (%3 so far today): a manager must authorise %4.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Confirm top-up (Enter)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Give a reason; it is recorded with the top-up.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Wrong manager or PIN; nothing was added.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This manager may not authorise it: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Slate::Ui::UserDialog</name>
    <message>
        <source>Add user</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>New PIN for %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Largest override</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>no maximum</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Role</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Largest &amp;override (managers)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Repeat PIN</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;PIN (4–12 digits)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Re&amp;peat PIN</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Set PIN</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The two PINs differ; type them again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Largest override: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Slate::Ui::VoidDialog</name>
    <message>
        <source>Void the last transaction</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Why, e.g. rang up the wrong customer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Void (Enter)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>There is nothing to void: only the last sale or top-up of this till can be voided, before the next one. Use a refund (F6) instead.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>a walk-in customer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Void sale %1 of %2 for %3? Everything it moved is reversed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Void the top-up of %1 for %2? It is taken out of the store credit again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Give a reason; it is recorded with the void.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Wrong manager or PIN; nothing was voided.</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>