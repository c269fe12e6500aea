<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nb_NO">
<context>
    <name>Slate::Ui::AdjustDialog</name>
    <message>
        <source>Adjust store credit of %1</source>
        <translation>Juster tilgodehavendet til %1</translation>
    </message>
    <message>
        <source>Store credit now: %1. A negative amount takes credit away.</source>
        <translation>Tilgodehavende nå: %1. Et negativt beløp trekker fra.</translation>
    </message>
    <message>
        <source>Adjustment amount</source>
        <translation>Justeringsbeløp</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Begrunnelse</translation>
    </message>
    <message>
        <source>Required, e.g. goodwill for a late delivery</source>
        <translation>Påkrevd, f.eks. kompensasjon for sen levering</translation>
    </message>
    <message>
        <source>&amp;Amount (+/−)</source>
        <translation>&amp;Beløp (+/−)</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Begrunnelse</translation>
    </message>
    <message>
        <source>Adjust</source>
        <translation>Juster</translation>
    </message>
    <message>
        <source>Type the amount, e.g. %1 or -%1.</source>
        <translation>Skriv beløpet, f.eks. %1 eller -%1.</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Avbryt (Esc)</translation>
    </message>
</context>
<context>
    <name>Slate::Ui::AmountEdit</name>
    <message>
        <source>That amount is far beyond any real sale; the most that can be typed is %1.</source>
        <translation>Det beløpet er langt over noe reelt salg; høyst %1 kan skrives inn.</translation>
    </message>
</context>
<context>
    <name>Slate::Ui::BackOfficeWindow</name>
    <message>
        <source>Slate back office — %1</source>
        <translation>Slate bakkontor — %1</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Kunder</translation>
    </message>
    <message>
        <source>Invoices</source>
        <translation>Fakturaer</translation>
    </message>
    <message>
        <source>Overrides log</source>
        <translation>Godkjenningslogg</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Brukere</translation>
    </message>
    <message>
        <source>Store settings</source>
        <translation>Butikkinnstillinger</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Eksport</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2). Changes here are recorded under this name.</source>
        <translation>Logget inn som %1 (%2). Endringer her lagres under dette navnet.</translation>
    </message>
    <message>
        <source>Search name, phone, card or e-mail (Enter); empty lists the first %1</source>
        <translation>Søk på navn, telefon, kort eller e-post (Enter); tomt viser de første %1</translation>
    </message>
    <message>
        <source>Search customers</source>
        <translation>Søk etter kunder</translation>
    </message>
    <message>
        <source>Customers with their credit</source>
        <translation>Kunder med kreditt</translation>
    </message>
    <message>
        <source>Edit credit terms…</source>
        <translation>Endre kredittvilkår …</translation>
    </message>
    <message>
        <source>Credit details…</source>
        <translation>Kredittdetaljer …</translation>
    </message>
    <message>
        <source>Update with accounting entry…</source>
        <translation>Oppdater med regnskapsføring …</translation>
    </message>
    <message>
        <source>Adjust credit…</source>
        <translation>Juster tilgodehavende …</translation>
    </message>
    <message>
        <source>Invoices…</source>
        <translation>Fakturaer …</translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s).</source>
        <translation>
            <numerusform>%n kunde.</numerusform><numerusform>%n kunder.</numerusform></translation>
    </message>
    <message>
        <source>Select a customer in the list first.</source>
        <translation>Velg en kunde i listen først.</translation>
    </message>
    <message>
        <source>Customer card number</source>
        <translation>Kundekortnummer</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Vis</translation>
    </message>
    <message>
        <source>Invoice accrued sales</source>
        <translation>Fakturer påløpte salg</translation>
    </message>
    <message>
        <source>Record payment…</source>
        <translation>Registrer betaling …</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>Faktura</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Utstedt</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Forfall</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Beløp</translation>
    </message>
    <message>
        <source>Outstanding</source>
        <translation>Utestående</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>The customer's invoices</source>
        <translation>Kundens fakturaer</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Overdue invoices</source>
        <translation>Forfalte fakturaer</translation>
    </message>
    <message>
        <source>Overdue invoices, all customers (oldest first)</source>
        <translation>Forfalte fakturaer, alle kunder (eldste først)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>⚠ Overdue %n day(s)</source>
        <translation>
            <numerusform>⚠ Forfalt %n dag</numerusform><numerusform>⚠ Forfalt %n dager</numerusform></translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Betalt</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Åpen</translation>
    </message>
    <message>
        <source>No customer with card %1.</source>
        <translation>Ingen kunde med kort %1.</translation>
    </message>
    <message>
        <source>%1: limit %2, accrued (not invoiced) %3, invoiced %4, overdue %5, available %6</source>
        <translation>%1: grense %2, påløpt (ikke fakturert) %3, fakturert %4, forfalt %5, disponibelt %6</translation>
    </message>
    <message>
        <source>Show a customer first (card number, Enter).</source>
        <translation>Vis en kunde først (kortnummer, Enter).</translation>
    </message>
    <message>
        <source>Invoice %1 issued for %2, due %3.</source>
        <translation>Faktura %1 utstedt på %2, forfall %3.</translation>
    </message>
    <message>
        <source>Select an invoice first.</source>
        <translation>Velg en faktura først.</translation>
    </message>
    <message>
        <source>Select an overdue invoice first.</source>
        <translation>Velg en forfalt faktura først.</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Fra dato</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>Til dato</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Når</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Leder</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>Kasserer</translation>
    </message>
    <message>
        <source>Tender</source>
        <translation>Betalingsmåte</translation>
    </message>
    <message>
        <source>Over by</source>
        <translation>Over med</translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>Salg</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Begrunnelse</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Fra</translation>
    </message>
    <message>
        <source>to</source>
        <translation>til</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Largest override</source>
        <translation>Største godkjenning</translation>
    </message>
    <message>
        <source>Wrong PINs</source>
        <translation>Feil PIN</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Add user…</source>
        <translation>Legg til bruker …</translation>
    </message>
    <message>
        <source>New PIN…</source>
        <translation>Ny PIN …</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Lås opp</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inaktiv</translation>
    </message>
    <message>
        <source>✖ Locked until %1</source>
        <translation>✖ Sperret til %1</translation>
    </message>
    <message>
        <source>no maximum</source>
        <translation>ingen grense</translation>
    </message>
    <message>
        <source>Select a user first.</source>
        <translation>Velg en bruker først.</translation>
    </message>
    <message>
        <source>%1 is unlocked.</source>
        <translation>%1 er låst opp.</translation>
    </message>
    <message>
        <source>%1 (chosen when the store was created; it names every amount in the journal)</source>
        <translation>%1 (valgt da butikken ble opprettet; alle beløp i journalen er i denne valutaen)</translation>
    </message>
    <message>
        <source>Prices</source>
        <translation>Priser</translation>
    </message>
    <message>
        <source>Cash rounding</source>
        <translation>Kontantavrunding</translation>
    </message>
    <message>
        <source>Credit limit scope</source>
        <translation>Kredittgrensens omfang</translation>
    </message>
    <message>
        <source>Wrong PINs before a lockout</source>
        <translation>Feil PIN før sperring</translation>
    </message>
    <message>
        <source>Lockout in minutes</source>
        <translation>Sperretid i minutter</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>Lagre innstillinger</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Butikk</translation>
    </message>
    <message>
        <source>%1, till %2</source>
        <translation>%1, kasse %2</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Valuta</translation>
    </message>
    <message>
        <source>&amp;Prices</source>
        <translation>&amp;Priser</translation>
    </message>
    <message>
        <source>Cash &amp;rounding (smallest coin)</source>
        <translation>Kontant&amp;avrunding (minste mynt)</translation>
    </message>
    <message>
        <source>Credit &amp;limit applies</source>
        <translation>Kreditt&amp;grensen gjelder</translation>
    </message>
    <message>
        <source>&amp;Wrong PINs before lockout</source>
        <translation>&amp;Feil PIN før sperring</translation>
    </message>
    <message>
        <source>Lockout &amp;time</source>
        <translation>Sperre&amp;tid</translation>
    </message>
    <message>
        <source>Cash rounding: %1</source>
        <translation>Kontantavrunding: %1</translation>
    </message>
    <message>
        <source>Saved. The till uses the new settings from the next sale.</source>
        <translation>Lagret. Kassen bruker de nye innstillingene fra neste salg.</translation>
    </message>
    <message>
        <source>Export format</source>
        <translation>Eksportformat</translation>
    </message>
    <message>
        <source>Journal for hledger / ledger (.journal)</source>
        <translation>Journal for hledger / ledger (.journal)</translation>
    </message>
    <message>
        <source>CSV, one row per posting (.csv)</source>
        <translation>CSV, én rad per postering (.csv)</translation>
    </message>
    <message>
        <source>Export file</source>
        <translation>Eksportfil</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Velg …</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Eksporter til</translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation>Eksportfremdrift</translation>
    </message>
    <message>
        <source>Cancel export</source>
        <translation>Avbryt eksport</translation>
    </message>
    <message>
        <source>&amp;Format</source>
        <translation>&amp;Format</translation>
    </message>
    <message>
        <source>F&amp;ile</source>
        <translation>F&amp;il</translation>
    </message>
    <message>
        <source>Choose a file to export to.</source>
        <translation>Velg en fil å eksportere til.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Kan ikke skrive %1: %2</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Eksporterer …</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>Eksporten ble avbrutt; ingen fil ble skrevet.</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n entries to %1.</source>
        <translation>
            <numerusform>Eksporterte %n postering til %1.</numerusform><numerusform>Eksporterte %n posteringer til %1.</numerusform></translation>
    </message>
    <message>
        <source>The settings were changed at another till; the form shows them as they are now in force.</source>
        <translation>Innstillingene ble endret på en annen kasse; skjemaet viser dem slik de gjelder nå.</translation>
    </message>
    <message numerus="yes">
        <source>Showing %n customer(s); more may match — search to narrow the list.</source>
        <translation>
            <numerusform>Viser %n kunde; flere kan passe — søk for å snevre inn listen.</numerusform><numerusform>Viser %n kunder; flere kan passe — søk for å snevre inn listen.</numerusform></translation>
    </message>
</context>
<context>
    <name>Slate::Ui::CartModel</name>
    <message>
        <source>Item</source>
        <translation>Vare</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Antall</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Pris</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Rabatt</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Beløp</translation>
    </message>
    <message>
        <source>"%1" is not a quantity; type a whole number such as 2.</source>
        <translation>«%1» er ikke et antall; skriv et helt tall, for eksempel 2.</translation>
    </message>
    <message>
        <source>"%1" is not an amount; type it like %2.</source>
        <translation>«%1» er ikke et beløp; skriv det som %2.</translation>
    </message>
    <message>
        <source>That quantity is too large.</source>
        <translation>Det antallet er for stort.</translation>
    </message>
    <message>
        <source>Select a line first.</source>
        <translation>Velg en linje først.</translation>
    </message>
</context>
<context>
    <name>Slate::Ui::CheckoutWindow</name>
    <message>
        <source>Slate — till %1</source>
        <translation>Slate — kasse %1</translation>
    </message>
    <message>
        <source>Scan a barcode or customer card, or type to search products (3*code adds 3)</source>
        <translation>Skann strekkode eller kundekort, eller skriv for å søke etter varer (3*kode legger til 3)</translation>
    </message>
    <message>
        <source>Scan or search</source>
        <translation>Skann eller søk</translation>
    </message>
    <message>
        <source>Till message</source>
        <translation>Melding fra kassen</translation>
    </message>
    <message>
        <source>Sale lines</source>
        <translation>Salgslinjer</translation>
    </message>
    <message>
        <source>Remove customer</source>
        <translation>Fjern kunde</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Totalt</translation>
    </message>
    <message>
        <source>TOTAL</source>
        <translation>TOTALT</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Antall</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Rabatt</translation>
    </message>
    <message>
        <source>Del</source>
        <translation>Del</translation>
    </message>
    <message>
        <source>Remove line</source>
        <translation>Fjern linje</translation>
    </message>
    <message>
        <source>Ctrl+Del</source>
        <translation>Ctrl+Del</translation>
    </message>
    <message>
        <source>Clear sale</source>
        <translation>Tøm salget</translation>
    </message>
    <message>
        <source>Customer details</source>
        <translation>Kundedetaljer</translation>
    </message>
    <message>
        <source>Top up</source>
        <translation>Fyll på</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Retur</translation>
    </message>
    <message>
        <source>Park sale</source>
        <translation>Parker salg</translation>
    </message>
    <message>
        <source>Recall sale</source>
        <translation>Hent salg</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Leder</translation>
    </message>
    <message>
        <source>PAY</source>
        <translation>BETAL</translation>
    </message>
    <message>
        <source>● Local only — sync is not set up</source>
        <translation>● Bare lokalt — synkronisering er ikke satt opp</translation>
    </message>
    <message>
        <source>Sync status</source>
        <translation>Synkroniseringsstatus</translation>
    </message>
    <message>
        <source>Log out (Ctrl+L)</source>
        <translation>Logg ut (Ctrl+L)</translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <source>Shortcut %1</source>
        <translation>Hurtigtast %1</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n vare</numerusform><numerusform>%n varer</numerusform></translation>
    </message>
    <message>
        <source>of which tax %1</source>
        <translation>herav mva. %1</translation>
    </message>
    <message>
        <source>%1 (%2) · store %3 · till %4</source>
        <translation>%1 (%2) · butikk %3 · kasse %4</translation>
    </message>
    <message numerus="yes">
        <source>%n parked sale(s) — F8 recalls</source>
        <translation>
            <numerusform>%n parkert salg — F8 henter fram</numerusform><numerusform>%n parkerte salg — F8 henter fram</numerusform></translation>
    </message>
    <message>
        <source>Nothing found for "%1": no product, and no customer card.</source>
        <translation>Fant ingenting for «%1»: ingen vare og intet kundekort.</translation>
    </message>
    <message>
        <source>Added %1 × %2</source>
        <translation>La til %1 × %2</translation>
    </message>
    <message>
        <source>Customer %1 attached.</source>
        <translation>Kunde %1 er knyttet til salget.</translation>
    </message>
    <message>
        <source>Scan an item first; F3 changes the quantity of the selected line.</source>
        <translation>Skann en vare først; F3 endrer antallet på valgt linje.</translation>
    </message>
    <message>
        <source>Scan an item first; F4 gives a discount on the selected line.</source>
        <translation>Skann en vare først; F4 gir rabatt på valgt linje.</translation>
    </message>
    <message>
        <source>Removed %1.</source>
        <translation>Fjernet %1.</translation>
    </message>
    <message>
        <source>Sale cleared.</source>
        <translation>Salget er tømt.</translation>
    </message>
    <message>
        <source>Nothing to pay yet: scan the items first.</source>
        <translation>Ingenting å betale ennå: skann varene først.</translation>
    </message>
    <message>
        <source>Sale %1 paid. Change: %2</source>
        <translation>Salg %1 er betalt. Vekslepenger: %2</translation>
    </message>
    <message>
        <source>Receipt %1</source>
        <translation>Kvittering %1</translation>
    </message>
    <message>
        <source>Added %1 to %2's store credit.</source>
        <translation>La %1 til tilgodehavendet til %2.</translation>
    </message>
    <message>
        <source>Top-up</source>
        <translation>Påfyll</translation>
    </message>
    <message>
        <source>Refund %1 done.</source>
        <translation>Retur %1 er utført.</translation>
    </message>
    <message>
        <source>Refund %1</source>
        <translation>Retur %1</translation>
    </message>
    <message>
        <source>Nothing to park.</source>
        <translation>Ingenting å parkere.</translation>
    </message>
    <message>
        <source>%1 sales are parked already; recall one first.</source>
        <translation>%1 salg er allerede parkert; hent fram ett først.</translation>
    </message>
    <message>
        <source>Sale parked. F8 recalls it.</source>
        <translation>Salget er parkert. F8 henter det fram.</translation>
    </message>
    <message>
        <source>No parked sales.</source>
        <translation>Ingen parkerte salg.</translation>
    </message>
    <message>
        <source>Finish or park the current sale before recalling another.</source>
        <translation>Fullfør eller parker dette salget før du henter fram et annet.</translation>
    </message>
    <message>
        <source>Sale recalled.</source>
        <translation>Salget er hentet fram.</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %2 — %n line(s), about %3</source>
        <translation>
            <numerusform>%1 — %2 — %n linje, ca. %3</numerusform><numerusform>%1 — %2 — %n linjer, ca. %3</numerusform></translation>
    </message>
    <message>
        <source>no customer</source>
        <translation>ingen kunde</translation>
    </message>
    <message>
        <source>Recall a parked sale</source>
        <translation>Hent fram et parkert salg</translation>
    </message>
    <message>
        <source>Which sale?</source>
        <translation>Hvilket salg?</translation>
    </message>
    <message>
        <source>Shift+F2</source>
        <translation>Shift+F2</translation>
    </message>
    <message>
        <source>%1 removed from the sale.</source>
        <translation>%1 er fjernet fra salget.</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>Hent fram</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Avbryt (Esc)</translation>
    </message>
    <message>
        <source>● Sync starting</source>
        <translation>● Synkronisering starter</translation>
    </message>
    <message>
        <source>● Online</source>
        <translation>● Tilkoblet</translation>
    </message>
    <message>
        <source>● OFFLINE — sales are kept here and sent later</source>
        <translation>● FRAKOBLET — salg lagres her og sendes senere</translation>
    </message>
    <message>
        <source>● SYNC REFUSED: %1</source>
        <translation>● SYNKRONISERING AVVIST: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n entries waiting</source>
        <translation>
            <numerusform>%n postering venter</numerusform><numerusform>%n posteringer venter</numerusform></translation>
    </message>
    <message>
        <source>last sync %1</source>
        <translation>sist synkronisert %1</translation>
    </message>
    <message>
        <source>never synced</source>
        <translation>aldri synkronisert</translation>
    </message>
    <message>
        <source>Void last</source>
        <translation>Annuller siste</translation>
    </message>
    <message>
        <source>VOID: %1 was taken back.</source>
        <translation>ANNULLERT: %1 er tatt tilbake.</translation>
    </message>
    <message>
        <source>the top-up</source>
        <translation>påfyllingen</translation>
    </message>
    <message>
        <source>VOID</source>
        <translation>ANNULLERT</translation>
    </message>
    <message>
        <source>No discount on %1.</source>
        <translation>Ingen rabatt på %1.</translation>
    </message>
    <message>
        <source>Discount of %1 on %2, authorised by %3.</source>
        <translation>Rabatt på %1 på %2, godkjent av %3.</translation>
    </message>
    <message>
        <source>Discount of %1 on %2.</source>
        <translation>Rabatt på %1 på %2.</translation>
    </message>
    <message>
        <source>Shift+F10</source>
        <translation>Shift+F10</translation>
    </message>
    <message>
        <source>Day end</source>
        <translation>Dagsoppgjør</translation>
    </message>
</context>
<context>
    <name>Slate::Ui::CreditWizard</name>
    <message>
        <source>Update with accounting entry — %1</source>
        <translation>Oppdater med regnskapsføring — %1</translation>
    </message>
    <message>
        <source>How much store credit did %1 pay for?</source>
        <translation>Hvor mye tilgodehavende betalte %1 for?</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Beløp</translation>
    </message>
    <message>
        <source>&amp;Amount</source>
        <translation>&amp;Beløp</translation>
    </message>
    <message>
        <source>Which payment journal received the money?</source>
        <translation>Hvilken betalingsjournal mottok pengene?</translation>
    </message>
    <message>
        <source>Note and confirm</source>
        <translation>Merknad og bekreftelse</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Merknad</translation>
    </message>
    <message>
        <source>e.g. bank transfer reference</source>
        <translation>f.eks. referanse for bankoverføringen</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Merknad</translation>
    </message>
    <message>
        <source>Adds %1 to the store credit of %2, received by %3. The wallet becomes %4.</source>
        <translation>Legger %1 til tilgodehavendet til %2, mottatt som %3. Saldoen blir %4.</translation>
    </message>
    <message>
        <source>Type an amount above zero.</source>
        <translation>Skriv et beløp over null.</translation>
    </message>
    <message>
        <source>&lt; Back</source>
        <translation>&lt; Tilbake</translation>
    </message>
    <message>
        <source>Next &gt;</source>
        <translation>Neste &gt;</translation>
    </message>
    <message>
        <source>Add credit</source>
        <translation>Legg til kreditt</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Avbryt (Esc)</translation>
    </message>
</context>
<context>
    <name>Slate::Ui::CustomerCard</name>
    <message>
        <source>Customer credit card</source>
        <translation>Kundens kredittkort</translation>
    </message>
    <message>
        <source>Wallet</source>
        <translation>Tilgodehavende</translation>
    </message>
    <message>
        <source>Overdraft allowed</source>
        <translation>Tillatt overtrekk</translation>
    </message>
    <message>
        <source>Credit limit</source>
        <translation>Kredittgrense</translation>
    </message>
    <message>
        <source>Accrued, not invoiced</source>
        <translation>Påløpt, ikke fakturert</translation>
    </message>
    <message>
        <source>Invoiced, unpaid</source>
        <translation>Fakturert, ubetalt</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Forfalt</translation>
    </message>
    <message>
        <source>Available on account</source>
        <translation>Disponibelt på konto</translation>
    </message>
    <message>
        <source>No customer. Press F2 or scan a customer card.</source>
        <translation>Ingen kunde. Trykk F2 eller skann et kundekort.</translation>
    </message>
    <message>
        <source>Could not read %1's credit: %2</source>
        <translation>Kunne ikke lese kreditten til %1: %2</translation>
    </message>
    <message>
        <source>Card %1</source>
        <translation>Kort %1</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ingen</translation>
    </message>
    <message>
        <source>No account</source>
        <translation>Ingen konto</translation>
    </message>
    <message>
        <source>%1, card %2, %3, wallet %4, available on account %5</source>
        <translation>%1, kort %2, %3, tilgodehavende %4, disponibelt på konto %5</translation>
    </message>
    <message>
        <source>None (blocked)</source>
        <translation>Ingenting (sperret)</translation>
    </message>
</context>
<context>
    <name>Slate::Ui::CustomerCreditModel</name>
    <message>
        <source>none</source>
        <translation>ingen</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Kort</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Wallet</source>
        <translation>Tilgodehavende</translation>
    </message>
    <message>
        <source>Overdraft</source>
        <translation>Overtrekk</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>Grense</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>Brukt</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Disponibelt</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Forfalt</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>Slate::Ui::CustomerDetailsDialog</name>
    <message>
        <source>Customer %1</source>
        <translation>Kunde %1</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Hva</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Beløp</translation>
    </message>
    <message>
        <source>Balance after</source>
        <translation>Saldo etter</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Av</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Merknad</translation>
    </message>
    <message>
        <source>Credit history</source>
        <translation>Kreditthistorikk</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>Faktura</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Utstedt</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Forfall</translation>
    </message>
    <message>
        <source>Outstanding</source>
        <translation>Utestående</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Invoices</source>
        <translation>Fakturaer</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Kvittering</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Totalt</translation>
    </message>
    <message>
        <source>Paid with</source>
        <translation>Betalt med</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Salg</translation>
    </message>
    <message>
        <source>Recent sales</source>
        <translation>Siste salg</translation>
    </message>
    <message>
        <source>Payments and invoices</source>
        <translation>Betalinger og fakturaer</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Lukk (Esc)</translation>
    </message>
    <message>
        <source>⚠ Overdue</source>
        <translation>⚠ Forfalt</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Betalt</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Åpen</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
</context>
<context>
    <name>Slate::Ui::CustomerListModel</name>
    <message>
        <source>Card</source>
        <translation>Kort</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-post</translation>
    </message>
</context>
<context>
    <name>Slate::Ui::CustomerSearchDialog</name>
    <message>
        <source>Attach customer</source>
        <translation>Knytt til kunde</translation>
    </message>
    <message>
        <source>Scan the customer card, or type name, phone or card number</source>
        <translation>Skann kundekortet, eller skriv navn, telefon eller kortnummer</translation>
    </message>
    <message>
        <source>No customer matches "%1".</source>
        <translation>Ingen kunde passer med «%1».</translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) found.</source>
        <translation>
            <numerusform>%n kunde funnet.</numerusform><numerusform>%n kunder funnet.</numerusform></translation>
    </message>
    <message>
        <source>Too many customers to look through for "%1"; type more to narrow the search.</source>
        <translation>For mange kunder å se gjennom for «%1»; skriv mer for å snevre inn søket.</translation>
    </message>
    <message numerus="yes">
        <source>Showing %n customer(s); more may match — type more to narrow the search.</source>
        <translation>
            <numerusform>Viser %n kunde; flere kan passe — skriv mer for å snevre inn søket.</numerusform><numerusform>Viser %n kunder; flere kan passe — skriv mer for å snevre inn søket.</numerusform></translation>
    </message>
</context>
<context>
    <name>Slate::Ui::DayEndDialog</name>
    <message>
        <source>Day end</source>
        <translation>Dagsoppgjør</translation>
    </message>
    <message>
        <source>Float, cash in or out, or the counted cash for a Z report</source>
        <translation>Veksel, inn- eller utbetaling, eller opptalt kontant til Z-rapporten</translation>
    </message>
    <message>
        <source>Why, e.g. change from the safe or takings to the bank</source>
        <translation>Hvorfor, f.eks. veksel fra safen eller oppgjør til banken</translation>
    </message>
    <message>
        <source>&amp;Amount</source>
        <translation>&amp;Beløp</translation>
    </message>
    <message>
        <source>Open with &amp;float</source>
        <translation>Åpne med &amp;veksel</translation>
    </message>
    <message>
        <source>Cash &amp;in</source>
        <translation>&amp;Innbetaling</translation>
    </message>
    <message>
        <source>Cash &amp;out</source>
        <translation>&amp;Utbetaling</translation>
    </message>
    <message>
        <source>&amp;No sale (open drawer)</source>
        <translation>&amp;Ingen salg (åpne skuffen)</translation>
    </message>
    <message>
        <source>&amp;X report</source>
        <translation>&amp;X-rapport</translation>
    </message>
    <message>
        <source>&amp;Z report: close the day</source>
        <translation>&amp;Z-rapport: avslutt dagen</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Lukk (Esc)</translation>
    </message>
    <message>
        <source>Till %1 · the drawer should hold %2 · today %3 sales, net %4</source>
        <translation>Kasse %1 · skuffen skal inneholde %2 · i dag %3 salg, netto %4</translation>
    </message>
    <message>
        <source>A cashier may not run the day end in this store; ask a manager.</source>
        <translation>En kasserer kan ikke ta dagsoppgjøret i denne butikken; spør en leder.</translation>
    </message>
    <message>
        <source>Type the amount first.</source>
        <translation>Skriv inn beløpet først.</translation>
    </message>
    <message>
        <source>Give a reason; it is recorded with the cash.</source>
        <translation>Oppgi en årsak; den lagres sammen med kontantene.</translation>
    </message>
    <message>
        <source>The drawer holds %1; a cash out cannot take more.</source>
        <translation>Skuffen inneholder %1; en utbetaling kan ikke ta mer.</translation>
    </message>
    <message>
        <source>The till is open with a float of %1.</source>
        <translation>Kassen er åpnet med en veksel på %1.</translation>
    </message>
    <message>
        <source>Cash in: %1.</source>
        <translation>Innbetaling: %1.</translation>
    </message>
    <message>
        <source>Cash out: %1.</source>
        <translation>Utbetaling: %1.</translation>
    </message>
    <message>
        <source>The drawer was opened without a sale; it is counted on the next report.</source>
        <translation>Skuffen ble åpnet uten salg; det telles på neste rapport.</translation>
    </message>
    <message>
        <source>X report %1 is stored; nothing was closed.</source>
        <translation>X-rapport %1 er lagret; ingenting ble avsluttet.</translation>
    </message>
    <message>
        <source>X report %1</source>
        <translation>X-rapport %1</translation>
    </message>
    <message>
        <source>Count the drawer and type the counted cash first; the Z report closes the day.</source>
        <translation>Tell skuffen og skriv inn opptalt kontant først; Z-rapporten avslutter dagen.</translation>
    </message>
    <message>
        <source>Z report %1 closed the day: counted %2, expected %3, difference %4.</source>
        <translation>Z-rapport %1 avsluttet dagen: opptalt %2, forventet %3, differanse %4.</translation>
    </message>
    <message>
        <source>Z report %1</source>
        <translation>Z-rapport %1</translation>
    </message>
    <message>
        <source>R&amp;eason</source>
        <translation>Be&amp;grunnelse</translation>
    </message>
</context>
<context>
    <name>Slate::Ui::DiscountDialog</name>
    <message>
        <source>Line discount</source>
        <translation>Linjerabatt</translation>
    </message>
    <message>
        <source>Discount on %1 (line %2). Type a percentage such as 30% or an amount such as %3; leave it empty for no discount.</source>
        <translation>Rabatt på %1 (linje %2). Skriv en prosent som 30% eller et beløp som %3; la feltet stå tomt for ingen rabatt.</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Rabatt</translation>
    </message>
    <message>
        <source>e.g. 10% or %1</source>
        <translation>f.eks. 10% eller %1</translation>
    </message>
    <message>
        <source>Why, e.g. damaged packaging</source>
        <translation>Hvorfor, f.eks. skadet emballasje</translation>
    </message>
    <message>
        <source>Apply (Enter)</source>
        <translation>Bruk (Enter)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Avbryt (Esc)</translation>
    </message>
    <message>
        <source>"%1" is not a percentage from 0 to 100; type it like 10%.</source>
        <translation>«%1» er ikke en prosent fra 0 til 100; skriv den som 10%.</translation>
    </message>
    <message>
        <source>"%1" is neither a percentage nor an amount; type it like 10% or %2.</source>
        <translation>«%1» er verken en prosent eller et beløp; skriv det som 10% eller %2.</translation>
    </message>
    <message>
        <source>A discount of %1 % is more than the %2 % you may give alone. A manager can authorise it.</source>
        <translation>En rabatt på %1 % er mer enn de %2 % du kan gi alene. En leder kan godkjenne den.</translation>
    </message>
    <message>
        <source>A discount of %1 % needs a manager, and there is no manager user; add one in the back office.</source>
        <translation>En rabatt på %1 % må godkjennes av en leder, og det finnes ingen lederbruker; legg til en i bakkontoret.</translation>
    </message>
    <message>
        <source>Give a reason; it is recorded with the sale.</source>
        <translation>Oppgi en grunn; den lagres med salget.</translation>
    </message>
    <message>
        <source>Wrong manager or PIN; no discount was given.</source>
        <translation>Feil leder eller PIN; ingen rabatt ble gitt.</translation>
    </message>
</context>
<context>
    <name>Slate::Ui::InvoicePaymentDialog</name>
    <message>
        <source>Record payment of %1</source>
        <translation>Registrer betaling av %1</translation>
    </message>
    <message>
        <source>Invoice %1, due %2: %3 outstanding of %4.</source>
        <translation>Faktura %1, forfall %2: %3 utestående av %4.</translation>
    </message>
    <message>
        <source>Amount paid</source>
        <translation>Innbetalt beløp</translation>
    </message>
    <message>
        <source>Paid by</source>
        <translation>Betalt med</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Merknad</translation>
    </message>
    <message>
        <source>&amp;Amount</source>
        <translation>&amp;Beløp</translation>
    </message>
    <message>
        <source>Paid &amp;by</source>
        <translation>Betalt &amp;med</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Merknad</translation>
    </message>
    <message>
        <source>Record payment</source>
        <translation>Registrer betaling</translation>
    </message>
    <message>
        <source>Type the amount paid.</source>
        <translation>Skriv innbetalt beløp.</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Avbryt (Esc)</translation>
    </message>
</context>
<context>
    <name>Slate::Ui::Labels</name>
    <message>
        <source>✓ OK</source>
        <translation>✓ OK</translation>
    </message>
    <message>
        <source>⚠ NEAR LIMIT</source>
        <translation>⚠ NÆR GRENSEN</translation>
    </message>
    <message>
        <source>✖ OVER LIMIT</source>
        <translation>✖ OVER GRENSEN</translation>
    </message>
    <message>
        <source>⚠ OVERDUE INVOICE</source>
        <translation>⚠ FORFALT FAKTURA</translation>
    </message>
    <message>
        <source>✖ BLOCKED</source>
        <translation>✖ SPERRET</translation>
    </message>
    <message>
        <source>Credit and account can be used.</source>
        <translation>Tilgodehavende og konto kan brukes.</translation>
    </message>
    <message>
        <source>Little left on account.</source>
        <translation>Lite igjen på kontoen.</translation>
    </message>
    <message>
        <source>Account is over its limit; account sales need a manager.</source>
        <translation>Kontoen er over grensen; kontosalg krever en leder.</translation>
    </message>
    <message>
        <source>An invoice is past due; ask the customer to pay it.</source>
        <translation>En faktura har forfalt; be kunden betale den.</translation>
    </message>
    <message>
        <source>No store credit or account sales; take cash or card.</source>
        <translation>Ikke tilgodehavende eller kontosalg; ta kontant eller kort.</translation>
    </message>
    <message>
        <source>Store credit</source>
        <translation>Tilgodehavende</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Kontant</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Kort</translation>
    </message>
    <message>
        <source>Top-up</source>
        <translation>Påfyll</translation>
    </message>
    <message>
        <source>Adjustment</source>
        <translation>Justering</translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>Salg</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Retur</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>Faktura</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Betaling</translation>
    </message>
    <message>
        <source>Reversal</source>
        <translation>Tilbakeføring</translation>
    </message>
    <message>
        <source>Bank transfer</source>
        <translation>Bankoverføring</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>Kasserer</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Leder</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>To store credit</source>
        <translation>Til tilgodehavende</translation>
    </message>
    <message>
        <source>In cash</source>
        <translation>Kontant</translation>
    </message>
    <message>
        <source>To the original tenders</source>
        <translation>Til opprinnelige betalingsmåter</translation>
    </message>
    <message>
        <source>Shared by all stores</source>
        <translation>Felles for alle butikker</translation>
    </message>
    <message>
        <source>Per store</source>
        <translation>Per butikk</translation>
    </message>
    <message>
        <source>Prices include tax</source>
        <translation>Priser med mva.</translation>
    </message>
    <message>
        <source>Prices exclude tax</source>
        <translation>Priser uten mva.</translation>
    </message>
    <message>
        <source>Refused: only %1 available, %2 over.</source>
        <translation>Avvist: bare %1 disponibelt, %2 over.</translation>
    </message>
    <message>
        <source>Refused: the customer is blocked from credit and account.</source>
        <translation>Avvist: kunden er sperret for kreditt og konto.</translation>
    </message>
    <message>
        <source>Refused: no account (credit limit 0).</source>
        <translation>Avvist: ingen konto (kredittgrense 0).</translation>
    </message>
    <message>
        <source>Wrong user or PIN.</source>
        <translation>Feil bruker eller PIN.</translation>
    </message>
    <message>
        <source>Locked after too many wrong PINs. A manager can unlock it in the back office. (%1)</source>
        <translation>Sperret etter for mange feil PIN-koder. En leder kan låse opp i bakkontoret. (%1)</translation>
    </message>
    <message>
        <source>Float</source>
        <translation>Veksel</translation>
    </message>
    <message>
        <source>Cash in</source>
        <translation>Innbetaling</translation>
    </message>
    <message>
        <source>Cash out</source>
        <translation>Utbetaling</translation>
    </message>
    <message>
        <source>Cash difference</source>
        <translation>Kassedifferanse</translation>
    </message>
</context>
<context>
    <name>Slate::Ui::LoginDialog</name>
    <message>
        <source>Slate — log in</source>
        <translation>Slate — logg inn</translation>
    </message>
    <message>
        <source>Back office — manager PIN</source>
        <translation>Bakkontor — leders PIN</translation>
    </message>
    <message>
        <source>Slate till %1 · store %2</source>
        <translation>Slate kasse %1 · butikk %2</translation>
    </message>
    <message>
        <source>The back office needs a manager's PIN.</source>
        <translation>Bakkontoret krever en leders PIN.</translation>
    </message>
    <message>
        <source>Who is at the till</source>
        <translation>Hvem står i kassen</translation>
    </message>
    <message>
        <source>Login message</source>
        <translation>Innloggingsmelding</translation>
    </message>
    <message>
        <source>Log in (Enter)</source>
        <translation>Logg inn (Enter)</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Avslutt</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Avbryt (Esc)</translation>
    </message>
    <message>
        <source>1. Pick your name (↑/↓)</source>
        <translation>1. Velg navnet ditt (↑/↓)</translation>
    </message>
    <message>
        <source>2. Type your PIN</source>
        <translation>2. Skriv PIN-koden din</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>There are no users yet. Add one with: slatectl user add --name NAME --role cashier --pin -</source>
        <translation>Det finnes ingen brukere ennå. Legg til en med: slatectl user add --name NAVN --role cashier --pin -</translation>
    </message>
    <message>
        <source>Pick your name first.</source>
        <translation>Velg navnet ditt først.</translation>
    </message>
    <message>
        <source>Type your PIN.</source>
        <translation>Skriv PIN-koden din.</translation>
    </message>
    <message>
        <source>%1 is a cashier; the back office needs a manager.</source>
        <translation>%1 er kasserer; bakkontoret krever en leder.</translation>
    </message>
    <message>
        <source>%1 (%2): PIN %3</source>
        <translation>%1 (%2): PIN %3</translation>
    </message>
    <message>
        <source>New demo database. Demo users: %1</source>
        <translation>Ny demodatabase. Demobrukere: %1</translation>
    </message>
</context>
<context>
    <name>Slate::Ui::ManagerPinFields</name>
    <message>
        <source>Manager</source>
        <translation>Leder</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Manager PIN</source>
        <translation>Leders PIN</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Begrunnelse</translation>
    </message>
    <message>
        <source>&amp;Manager</source>
        <translation>&amp;Leder</translation>
    </message>
    <message>
        <source>&amp;PIN</source>
        <translation>&amp;PIN</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Begrunnelse</translation>
    </message>
</context>
<context>
    <name>Slate::Ui::OverrideDialog</name>
    <message>
        <source>Manager override</source>
        <translation>Ledergodkjenning</translation>
    </message>
    <message>
        <source>Allow %1 to pay %2 more by %3 than is available. A manager authorises this with their PIN; it is recorded with the reason.</source>
        <translation>La %1 betale %2 mer med %3 enn det som er disponibelt. En leder godkjenner med sin PIN; det lagres med begrunnelsen.</translation>
    </message>
    <message>
        <source>Why, e.g. regular customer, pays on Friday</source>
        <translation>Hvorfor, f.eks. fast kunde, betaler på fredag</translation>
    </message>
    <message>
        <source>Authorise (Enter)</source>
        <translation>Godkjenn (Enter)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Avbryt (Esc)</translation>
    </message>
    <message>
        <source>There is no manager user; add one in the back office.</source>
        <translation>Det finnes ingen leder; legg til en i bakkontoret.</translation>
    </message>
    <message>
        <source>Give a reason; it goes into the overrides log.</source>
        <translation>Oppgi en begrunnelse; den lagres i godkjenningsloggen.</translation>
    </message>
    <message>
        <source>Wrong manager or PIN; nothing was authorised.</source>
        <translation>Feil leder eller PIN; ingenting ble godkjent.</translation>
    </message>
</context>
<context>
    <name>Slate::Ui::PaymentDialog</name>
    <message>
        <source>Payment</source>
        <translation>Betaling</translation>
    </message>
    <message>
        <source>Amount due</source>
        <translation>Å betale</translation>
    </message>
    <message>
        <source>Still to pay</source>
        <translation>Gjenstår</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Vekslepenger</translation>
    </message>
    <message>
        <source>Customer: %1 (card %2), store credit %3</source>
        <translation>Kunde: %1 (kort %2), tilgodehavende %3</translation>
    </message>
    <message>
        <source>Cash handed over:</source>
        <translation>Kontant mottatt:</translation>
    </message>
    <message>
        <source>What is missing</source>
        <translation>Hva som mangler</translation>
    </message>
    <message>
        <source>Complete sale (F12)</source>
        <translation>Fullfør salget (F12)</translation>
    </message>
    <message>
        <source>Back to sale (Esc)</source>
        <translation>Tilbake til salget (Esc)</translation>
    </message>
    <message>
        <source>%1  %2</source>
        <translation>%1  %2</translation>
    </message>
    <message>
        <source>Cash: exact amount</source>
        <translation>Kontant: nøyaktig beløp</translation>
    </message>
    <message>
        <source>%1: the rest</source>
        <translation>%1: resten</translation>
    </message>
    <message>
        <source>%1 amount</source>
        <translation>%1, beløp</translation>
    </message>
    <message>
        <source>Manager override…</source>
        <translation>Ledergodkjenning …</translation>
    </message>
    <message>
        <source>Manager override for %1</source>
        <translation>Ledergodkjenning for %1</translation>
    </message>
    <message>
        <source>Attach a customer to use this.</source>
        <translation>Knytt til en kunde for å bruke denne.</translation>
    </message>
    <message>
        <source>%1: "%2" is not an amount.</source>
        <translation>%1: «%2» er ikke et beløp.</translation>
    </message>
    <message>
        <source>✓ Over by %1, authorised by %2.</source>
        <translation>✓ Over med %1, godkjent av %2.</translation>
    </message>
    <message>
        <source>✖ %1</source>
        <translation>✖ %1</translation>
    </message>
    <message>
        <source>Cash due %1 (rounded by %2).</source>
        <translation>Kontant å betale %1 (avrundet med %2).</translation>
    </message>
    <message>
        <source>Ready: press Enter or F12 to complete the sale.</source>
        <translation>Klart: trykk Enter eller F12 for å fullføre salget.</translation>
    </message>
    <message>
        <source>Cash handed over: %1</source>
        <translation>Kontant mottatt: %1</translation>
    </message>
    <message>
        <source>The sale was not completed: %1</source>
        <translation>Salget ble ikke fullført: %1</translation>
    </message>
    <message>
        <source>%1 is refused: lower it, pay the rest another way, or ask a manager to override.</source>
        <translation>%1 er avvist: sett ned beløpet, betal resten på annen måte, eller be en leder godkjenne.</translation>
    </message>
    <message>
        <source>%1 cannot be used for this customer; take another tender.</source>
        <translation>%1 kan ikke brukes for denne kunden; ta en annen betalingsmåte.</translation>
    </message>
    <message>
        <source>%1 still to pay: add a tender (F1–F4).</source>
        <translation>%1 gjenstår: legg til en betalingsmåte (F1–F4).</translation>
    </message>
    <message>
        <source>The other tenders already cover the total: clear the cash amount, or lower them.</source>
        <translation>De andre betalingsmåtene dekker allerede totalen: tøm kontantbeløpet, eller sett dem ned.</translation>
    </message>
    <message>
        <source>✖ Nothing available. %1</source>
        <translation>✖ Ingenting disponibelt. %1</translation>
    </message>
    <message>
        <source>Available: %1</source>
        <translation>Disponibelt: %1</translation>
    </message>
    <message>
        <source>store credit after this sale: %1 (overdraft)</source>
        <translation>tilgodehavende etter dette salget: %1 (overtrekk)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>Slate::Ui::PinPad</name>
    <message>
        <source>Clear</source>
        <translation>Tøm</translation>
    </message>
    <message>
        <source>Clear PIN</source>
        <translation>Tøm PIN</translation>
    </message>
    <message>
        <source>Erase last digit</source>
        <translation>Slett siste siffer</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
</context>
<context>
    <name>Slate::Ui::ProductListModel</name>
    <message>
        <source>Product</source>
        <translation>Vare</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Pris</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>Varenr.</translation>
    </message>
    <message>
        <source>Barcode</source>
        <translation>Strekkode</translation>
    </message>
</context>
<context>
    <name>Slate::Ui::ProductSearchDialog</name>
    <message>
        <source>Find product</source>
        <translation>Finn vare</translation>
    </message>
    <message>
        <source>Type part of the name, the SKU or the barcode</source>
        <translation>Skriv en del av navnet, varenummeret eller strekkoden</translation>
    </message>
    <message>
        <source>No product matches "%1".</source>
        <translation>Ingen vare passer med «%1».</translation>
    </message>
    <message numerus="yes">
        <source>%n product(s) found.</source>
        <translation>
            <numerusform>%n vare funnet.</numerusform><numerusform>%n varer funnet.</numerusform></translation>
    </message>
</context>
<context>
    <name>Slate::Ui::ReceiptDialog</name>
    <message>
        <source>Receipt</source>
        <translation>Kvittering</translation>
    </message>
    <message>
        <source>Next customer (Enter)</source>
        <translation>Neste kunde (Enter)</translation>
    </message>
    <message>
        <source>Print… (Ctrl+P)</source>
        <translation>Skriv ut … (Ctrl+P)</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Lagre som PDF …</translation>
    </message>
    <message>
        <source>Print receipt</source>
        <translation>Skriv ut kvittering</translation>
    </message>
    <message>
        <source>Save receipt as PDF</source>
        <translation>Lagre kvitteringen som PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-filer (*.pdf)</translation>
    </message>
    <message>
        <source>Receipt not saved</source>
        <translation>Kvitteringen ble ikke lagret</translation>
    </message>
</context>
<context>
    <name>Slate::Ui::Receipts</name>
    <message>
        <source>Store %1 · till %2</source>
        <translation>Butikk %1 · kasse %2</translation>
    </message>
    <message>
        <source>No. %1 · %2</source>
        <translation>Nr. %1 · %2</translation>
    </message>
    <message>
        <source>Served by %1</source>
        <translation>Betjent av %1</translation>
    </message>
    <message>
        <source>Wallet after</source>
        <translation>Tilgodehavende etterpå</translation>
    </message>
    <message>
        <source>Available on account after</source>
        <translation>Disponibelt på konto etterpå</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Kvittering</translation>
    </message>
    <message>
        <source>Customer: %1 (card %2)</source>
        <translation>Kunde: %1 (kort %2)</translation>
    </message>
    <message>
        <source>%1 × %2 %3</source>
        <translation>%1 × %2 %3</translation>
    </message>
    <message>
        <source>discount %1</source>
        <translation>rabatt %1</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Totalt</translation>
    </message>
    <message>
        <source>of which tax</source>
        <translation>herav mva.</translation>
    </message>
    <message>
        <source>%1 (manager override)</source>
        <translation>%1 (godkjent av leder)</translation>
    </message>
    <message>
        <source>Cash handed over</source>
        <translation>Kontant mottatt</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Vekslepenger</translation>
    </message>
    <message>
        <source>Cash rounding</source>
        <translation>Kontantavrunding</translation>
    </message>
    <message>
        <source>Thank you!</source>
        <translation>Takk for handelen!</translation>
    </message>
    <message>
        <source>Store credit top-up</source>
        <translation>Påfyll av tilgodehavende</translation>
    </message>
    <message>
        <source>Added to store credit</source>
        <translation>Lagt til tilgodehavende</translation>
    </message>
    <message>
        <source>Paid by</source>
        <translation>Betalt med</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Merknad</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Retur</translation>
    </message>
    <message>
        <source>For sale %1</source>
        <translation>For salg %1</translation>
    </message>
    <message>
        <source>Returned goods</source>
        <translation>Returnerte varer</translation>
    </message>
    <message>
        <source>Paid back: %1</source>
        <translation>Tilbakebetalt: %1</translation>
    </message>
    <message>
        <source>Could not write the receipt to %1; check the folder and the disk.</source>
        <translation>Kunne ikke skrive kvitteringen til %1; sjekk mappen og disken.</translation>
    </message>
    <message>
        <source>%1 authorised %2 over on %3.</source>
        <translation>%1 godkjente %2 over på %3.</translation>
    </message>
    <message>
        <source>VOID</source>
        <translation>ANNULLERT</translation>
    </message>
    <message>
        <source>*** VOID ***</source>
        <translation>*** ANNULLERT ***</translation>
    </message>
    <message>
        <source>Sale %1 is void.</source>
        <translation>Salg %1 er annullert.</translation>
    </message>
    <message>
        <source>The top-up is void.</source>
        <translation>Påfyllingen er annullert.</translation>
    </message>
    <message>
        <source>Voided</source>
        <translation>Annullert</translation>
    </message>
    <message>
        <source>Authorised by</source>
        <translation>Godkjent av</translation>
    </message>
    <message>
        <source>Store credit now</source>
        <translation>Tilgodehavende nå</translation>
    </message>
    <message>
        <source>Z report</source>
        <translation>Z-rapport</translation>
    </message>
    <message>
        <source>X report</source>
        <translation>X-rapport</translation>
    </message>
    <message>
        <source>The day since %1</source>
        <translation>Dagen siden %1</translation>
    </message>
    <message>
        <source>The till's first day</source>
        <translation>Kassens første dag</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Salg</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>Returer</translation>
    </message>
    <message>
        <source>Voided sales</source>
        <translation>Annullerte salg</translation>
    </message>
    <message>
        <source>Net sales</source>
        <translation>Nettosalg</translation>
    </message>
    <message>
        <source>Discounts</source>
        <translation>Rabatter</translation>
    </message>
    <message>
        <source>Manager overrides</source>
        <translation>Godkjenninger av leder</translation>
    </message>
    <message>
        <source>Voids (sales and top-ups)</source>
        <translation>Annulleringer (salg og påfyll)</translation>
    </message>
    <message>
        <source>Tenders</source>
        <translation>Betalingsmåter</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>MVA</translation>
    </message>
    <message>
        <source>%1 %2 %: net %3</source>
        <translation>%1 %2 %: netto %3</translation>
    </message>
    <message>
        <source>Not sales</source>
        <translation>Ikke salg</translation>
    </message>
    <message>
        <source>Store-credit top-ups (%1)</source>
        <translation>Påfyll av tilgode (%1)</translation>
    </message>
    <message>
        <source>Invoice payments (%1)</source>
        <translation>Fakturabetalinger (%1)</translation>
    </message>
    <message>
        <source>Store-credit adjustments</source>
        <translation>Justeringer av tilgode</translation>
    </message>
    <message>
        <source>Drawer</source>
        <translation>Kasseskuff</translation>
    </message>
    <message>
        <source>At the start of the day</source>
        <translation>Ved dagens start</translation>
    </message>
    <message>
        <source>Float</source>
        <translation>Veksel</translation>
    </message>
    <message>
        <source>Cash in</source>
        <translation>Innbetaling</translation>
    </message>
    <message>
        <source>Cash out</source>
        <translation>Utbetaling</translation>
    </message>
    <message>
        <source>Cash of sales</source>
        <translation>Kontanter fra salg</translation>
    </message>
    <message>
        <source>Cash of top-ups</source>
        <translation>Kontanter fra påfyll</translation>
    </message>
    <message>
        <source>Cash of invoice payments</source>
        <translation>Kontanter fra fakturabetalinger</translation>
    </message>
    <message>
        <source>Expected in the drawer</source>
        <translation>Forventet i skuffen</translation>
    </message>
    <message>
        <source>Counted by %1</source>
        <translation>Opptalt av %1</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Differanse</translation>
    </message>
    <message>
        <source>Receipts and events</source>
        <translation>Kvitteringer og hendelser</translation>
    </message>
    <message>
        <source>Receipts: sales, returns, voids</source>
        <translation>Kvitteringer: salg, returer, annulleringer</translation>
    </message>
    <message>
        <source>%1, %2, %3</source>
        <translation>%1, %2, %3</translation>
    </message>
    <message>
        <source>Copies printed: receipts, reports</source>
        <translation>Kopier skrevet ut: kvitteringer, rapporter</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Drawer openings without a sale</source>
        <translation>Skuffåpninger uten salg</translation>
    </message>
    <message>
        <source>Grand totals since the till's first day</source>
        <translation>Totalsummer siden kassens første dag</translation>
    </message>
    <message>
        <source>Returns and voided sales</source>
        <translation>Returer og annullerte salg</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>Netto</translation>
    </message>
</context>
<context>
    <name>Slate::Ui::RefundDialog</name>
    <message>
        <source>Refund or return</source>
        <translation>Retur og tilbakebetaling</translation>
    </message>
    <message>
        <source>Receipt number</source>
        <translation>Kvitteringsnummer</translation>
    </message>
    <message>
        <source>Scan or type the receipt number, e.g. T1-000042</source>
        <translation>Skann eller skriv kvitteringsnummeret, f.eks. T1-000042</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Finn</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Kvittering</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Totalt</translation>
    </message>
    <message>
        <source>The customer's recent sales</source>
        <translation>Kundens siste salg</translation>
    </message>
    <message>
        <source>No sale chosen.</source>
        <translation>Ingen salg valgt.</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Vare</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>Solgt</translation>
    </message>
    <message>
        <source>Returned before</source>
        <translation>Returnert før</translation>
    </message>
    <message>
        <source>Return now</source>
        <translation>Returner nå</translation>
    </message>
    <message>
        <source>Lines of the sale</source>
        <translation>Salgets linjer</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Begrunnelse</translation>
    </message>
    <message>
        <source>e.g. damaged, wrong size</source>
        <translation>f.eks. skadet, feil størrelse</translation>
    </message>
    <message>
        <source>Pay back</source>
        <translation>Betal tilbake</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Begrunnelse</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Retur</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Avbryt (Esc)</translation>
    </message>
    <message>
        <source>Recent sales of %1:</source>
        <translation>Siste salg til %1:</translation>
    </message>
    <message>
        <source>No sale with receipt number %1.</source>
        <translation>Ingen salg med kvitteringsnummer %1.</translation>
    </message>
    <message>
        <source>, customer %1</source>
        <translation>, kunde %1</translation>
    </message>
    <message>
        <source>Sale %1 of %2, total %3%4</source>
        <translation>Salg %1 fra %2, totalt %3%4</translation>
    </message>
    <message>
        <source>Return quantity of %1</source>
        <translation>Antall %1 som returneres</translation>
    </message>
    <message>
        <source>Find the sale first: scan its receipt number or pick one of the customer's sales.</source>
        <translation>Finn salget først: skann kvitteringsnummeret eller velg et av kundens salg.</translation>
    </message>
    <message>
        <source>Set how many of which item come back.</source>
        <translation>Angi hvor mange av hvilken vare som kommer tilbake.</translation>
    </message>
</context>
<context>
    <name>Slate::Ui::SearchDialog</name>
    <message>
        <source>Search results</source>
        <translation>Søkeresultater</translation>
    </message>
    <message>
        <source>Choose (Enter)</source>
        <translation>Velg (Enter)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Avbryt (Esc)</translation>
    </message>
</context>
<context>
    <name>Slate::Ui::TermsDialog</name>
    <message>
        <source>Credit terms of %1</source>
        <translation>Kredittvilkår for %1</translation>
    </message>
    <message>
        <source>Credit limit</source>
        <translation>Kredittgrense</translation>
    </message>
    <message>
        <source>The wallet may go below zero</source>
        <translation>Saldoen kan gå under null</translation>
    </message>
    <message>
        <source>Overdraft limit</source>
        <translation>Overtrekksgrense</translation>
    </message>
    <message>
        <source>Payment terms in days</source>
        <translation>Betalingsfrist i dager</translation>
    </message>
    <message>
        <source> days</source>
        <translation> dager</translation>
    </message>
    <message>
        <source>Blocked: no store credit or account sales</source>
        <translation>Sperret: ikke tilgodehavende eller kontosalg</translation>
    </message>
    <message>
        <source>Credit &amp;limit (0 = no account)</source>
        <translation>Kreditt&amp;grense (0 = ingen konto)</translation>
    </message>
    <message>
        <source>&amp;Overdraft down to minus</source>
        <translation>&amp;Overtrekk ned til minus</translation>
    </message>
    <message>
        <source>&amp;Payment terms</source>
        <translation>&amp;Betalingsfrist</translation>
    </message>
    <message>
        <source>%1, card %2</source>
        <translation>%1, kort %2</translation>
    </message>
    <message>
        <source>Credit limit: %1</source>
        <translation>Kredittgrense: %1</translation>
    </message>
    <message>
        <source>Overdraft: %1</source>
        <translation>Overtrekk: %1</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lagre</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Avbryt (Esc)</translation>
    </message>
</context>
<context>
    <name>Slate::Ui::TopUpDialog</name>
    <message>
        <source>Top up store credit</source>
        <translation>Fyll på tilgodehavende</translation>
    </message>
    <message>
        <source>%1 (card %2) has %3 of store credit.</source>
        <translation>%1 (kort %2) har %3 i tilgodehavende.</translation>
    </message>
    <message>
        <source>Amount to add</source>
        <translation>Beløp å legge til</translation>
    </message>
    <message>
        <source>Top up %1</source>
        <translation>Fyll på %1</translation>
    </message>
    <message>
        <source>Paid by %1</source>
        <translation>Betalt med %1</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Merknad</translation>
    </message>
    <message>
        <source>Optional, e.g. gift card</source>
        <translation>Valgfritt, f.eks. gavekort</translation>
    </message>
    <message>
        <source>&amp;Amount</source>
        <translation>&amp;Beløp</translation>
    </message>
    <message>
        <source>Paid by</source>
        <translation>Betalt med</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Merknad</translation>
    </message>
    <message>
        <source>Top up (Enter)</source>
        <translation>Fyll på (Enter)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Avbryt (Esc)</translation>
    </message>
    <message>
        <source>Type the amount to add, e.g. %1.</source>
        <translation>Skriv beløpet som skal legges til, f.eks. %1.</translation>
    </message>
    <message>
        <source>Why, e.g. gift cards for the staff party</source>
        <translation>Hvorfor, f.eks. gavekort til personalfesten</translation>
    </message>
    <message>
        <source>Refused: the wallet may hold at most %1; at most %2 can be added.</source>
        <translation>Avvist: tilgodehavendet kan være høyst %1; høyst %2 kan legges til.</translation>
    </message>
    <message>
        <source>Add %1 to the store credit of %2 (card %3), paid by %4?</source>
        <translation>Legge %1 til tilgodehavendet til %2 (kort %3), betalt med %4?</translation>
    </message>
    <message>
        <source>A cashier may top up at most %1 at a time and %2 a day (%3 so far today): a manager must authorise %4.</source>
        <translation>En kasserer kan fylle på høyst %1 om gangen og %2 per dag (%3 så langt i dag): en leder må godkjenne %4.</translation>
    </message>
    <message>
        <source>Confirm top-up (Enter)</source>
        <translation>Bekreft påfylling (Enter)</translation>
    </message>
    <message>
        <source>Give a reason; it is recorded with the top-up.</source>
        <translation>Oppgi en grunn; den lagres med påfyllingen.</translation>
    </message>
    <message>
        <source>Wrong manager or PIN; nothing was added.</source>
        <translation>Feil leder eller PIN; ingenting ble lagt til.</translation>
    </message>
    <message>
        <source>This manager may not authorise it: %1</source>
        <translation>Denne lederen kan ikke godkjenne det: %1</translation>
    </message>
</context>
<context>
    <name>Slate::Ui::UserDialog</name>
    <message>
        <source>Add user</source>
        <translation>Legg til bruker</translation>
    </message>
    <message>
        <source>New PIN for %1</source>
        <translation>Ny PIN for %1</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Brukernavn</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Largest override</source>
        <translation>Største godkjenning</translation>
    </message>
    <message>
        <source>no maximum</source>
        <translation>ingen grense</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Navn</translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation>&amp;Rolle</translation>
    </message>
    <message>
        <source>Largest &amp;override (managers)</source>
        <translation>Største &amp;godkjenning (ledere)</translation>
    </message>
    <message>
        <source>Repeat PIN</source>
        <translation>Gjenta PIN</translation>
    </message>
    <message>
        <source>&amp;PIN (4–12 digits)</source>
        <translation>&amp;PIN (4–12 sifre)</translation>
    </message>
    <message>
        <source>Re&amp;peat PIN</source>
        <translation>Gjen&amp;ta PIN</translation>
    </message>
    <message>
        <source>Set PIN</source>
        <translation>Sett PIN</translation>
    </message>
    <message>
        <source>The two PINs differ; type them again.</source>
        <translation>De to PIN-kodene er ulike; skriv dem på nytt.</translation>
    </message>
    <message>
        <source>Largest override: %1</source>
        <translation>Største godkjenning: %1</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Avbryt (Esc)</translation>
    </message>
</context>
<context>
    <name>Slate::Ui::VoidDialog</name>
    <message>
        <source>Void the last transaction</source>
        <translation>Annuller siste transaksjon</translation>
    </message>
    <message>
        <source>Why, e.g. rang up the wrong customer</source>
        <translation>Hvorfor, f.eks. slo inn feil kunde</translation>
    </message>
    <message>
        <source>Void (Enter)</source>
        <translation>Annuller (Enter)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Avbryt (Esc)</translation>
    </message>
    <message>
        <source>There is nothing to void: only the last sale or top-up of this till can be voided, before the next one. Use a refund (F6) instead.</source>
        <translation>Det er ingenting å annullere: bare siste salg eller påfylling på denne kassen kan annulleres, før den neste. Bruk retur (F6) i stedet.</translation>
    </message>
    <message>
        <source>a walk-in customer</source>
        <translation>en kunde uten kundekort</translation>
    </message>
    <message>
        <source>Void sale %1 of %2 for %3? Everything it moved is reversed.</source>
        <translation>Annullere salg %1 på %2 for %3? Alt det flyttet, føres tilbake.</translation>
    </message>
    <message>
        <source>Void the top-up of %1 for %2? It is taken out of the store credit again.</source>
        <translation>Annullere påfyllingen på %1 for %2? Den tas ut av tilgodehavendet igjen.</translation>
    </message>
    <message>
        <source>Give a reason; it is recorded with the void.</source>
        <translation>Oppgi en grunn; den lagres med annulleringen.</translation>
    </message>
    <message>
        <source>Wrong manager or PIN; nothing was voided.</source>
        <translation>Feil leder eller PIN; ingenting ble annullert.</translation>
    </message>
</context>
</TS>