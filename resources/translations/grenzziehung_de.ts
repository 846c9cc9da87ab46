<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AcceptSuggestionDialog</name>
    <message>
        <source>Accept a next step</source>
        <translation>Nächsten Schritt übernehmen</translation>
    </message>
    <message>
        <source>Who:</source>
        <translation>Wer:</translation>
    </message>
    <message>
        <source>By when:</source>
        <translation>Bis wann:</translation>
    </message>
    <message>
        <source>Suggested by: {source}</source>
        <translation>Vorgeschlagen von: {source}</translation>
    </message>
</context>
<context>
    <name>AgreementCardActions</name>
    <message>
        <source>&amp;Contested</source>
        <translation>&amp;Strittig</translation>
    </message>
    <message>
        <source>One dot more: {zone}</source>
        <translation>Ein Punkt mehr: {zone}</translation>
    </message>
    <message>
        <source>One dot less: {zone}</source>
        <translation>Ein Punkt weniger: {zone}</translation>
    </message>
    <message>
        <source>Re&amp;solve contested card…</source>
        <translation>Strittige Karte en&amp;tscheiden…</translation>
    </message>
    <message>
        <source>&amp;Handoff…</source>
        <translation>Über&amp;gabe…</translation>
    </message>
    <message>
        <source>&amp;Dots</source>
        <translation>&amp;Punkte</translation>
    </message>
    <message>
        <source>Select a card on the board.</source>
        <translation>Wählen Sie eine Karte auf dem Board.</translation>
    </message>
</context>
<context>
    <name>AgreementCommands</name>
    <message>
        <source>Mark “{card}” contested</source>
        <translation>„{card}“ als strittig markieren</translation>
    </message>
    <message>
        <source>Unmark “{card}” as contested</source>
        <translation>„{card}“ nicht mehr strittig</translation>
    </message>
    <message>
        <source>Dots on “{card}”</source>
        <translation>Punkte auf „{card}“</translation>
    </message>
    <message>
        <source>Resolve “{card}”</source>
        <translation>„{card}“ entscheiden</translation>
    </message>
    <message>
        <source>Handoff of “{card}”</source>
        <translation>Übergabe von „{card}“</translation>
    </message>
    <message>
        <source>Accept “{archetype}”</source>
        <translation>„{archetype}“ bewusst beibehalten</translation>
    </message>
    <message>
        <source>Withdraw accepting “{archetype}”</source>
        <translation>„{archetype}“ nicht mehr beibehalten</translation>
    </message>
    <message>
        <source>Close the agreement</source>
        <translation>Vereinbarung abschließen</translation>
    </message>
    <message>
        <source>Reopen the agreement</source>
        <translation>Vereinbarung wieder öffnen</translation>
    </message>
</context>
<context>
    <name>AgreementDock</name>
    <message>
        <source>Agreement</source>
        <translation>Vereinbarung</translation>
    </message>
    <message>
        <source>Role &amp;charters…</source>
        <translation>&amp;Rollenbeschreibungen…</translation>
    </message>
    <message>
        <source>&amp;Accept next step…</source>
        <translation>Nächsten Schritt &amp;übernehmen…</translation>
    </message>
    <message>
        <source>Open points (click one to select its card):</source>
        <translation>Offene Punkte (Klick wählt die Karte):</translation>
    </message>
    <message>
        <source>Suggested next steps:</source>
        <translation>Vorgeschlagene nächste Schritte:</translation>
    </message>
    <message>
        <source>The agreement is complete.</source>
        <translation>Die Vereinbarung ist vollständig.</translation>
    </message>
    <message numerus="yes">
        <source>%n open point(s)</source>
        <translation>
            <numerusform>%n offener Punkt</numerusform>
            <numerusform>%n offene Punkte</numerusform>
        </translation>
    </message>
    <message>
        <source>Closed.</source>
        <translation>Abgeschlossen.</translation>
    </message>
    <message>
        <source>Closed with open points.</source>
        <translation>Mit offenen Punkten abgeschlossen.</translation>
    </message>
    <message>
        <source>The agreement is made on the Soll board: switch to the Soll round.</source>
        <translation>Vereinbart wird auf dem Soll-Board: Wechseln Sie in die Soll-Runde.</translation>
    </message>
    <message>
        <source>Reopen the agreement</source>
        <translation>Vereinbarung wieder öffnen</translation>
    </message>
    <message>
        <source>Close the agreement</source>
        <translation>Vereinbarung abschließen</translation>
    </message>
    <message>
        <source>Accepted: {who}, by {due}</source>
        <translation>Übernommen: {who}, bis {due}</translation>
    </message>
    <message>
        <source>Accept an archetype</source>
        <translation>Archetyp bewusst beibehalten</translation>
    </message>
    <message>
        <source>The Soll board still resembles “{name}”. Why does the group accept it?</source>
        <translation>Das Soll-Board ähnelt noch „{name}“. Warum behält die Gruppe das bewusst bei?</translation>
    </message>
    <message numerus="yes">
        <source>%n point(s) are still open. Close the agreement anyway? The PDF will say that it was closed with open points.</source>
        <translation>
            <numerusform>%n Punkt ist noch offen. Die Vereinbarung trotzdem abschließen? Das PDF sagt dann, dass sie mit offenen Punkten abgeschlossen wurde.</numerusform>
            <numerusform>%n Punkte sind noch offen. Die Vereinbarung trotzdem abschließen? Das PDF sagt dann, dass sie mit offenen Punkten abgeschlossen wurde.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AgreementMarks</name>
    <message>
        <source>M ➜</source>
        <translation>M ➜</translation>
    </message>
    <message>
        <source>⬅ S</source>
        <translation>⬅ V</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Entschieden</translation>
    </message>
    <message>
        <source>Contested</source>
        <translation>Strittig</translation>
    </message>
    <message>
        <source>Dots: Marketing {m}, Interface {s}, Sales {v}</source>
        <translation>Punkte: Marketing {m}, Schnittstelle {s}, Verkauf {v}</translation>
    </message>
    <message>
        <source>Marketing leads</source>
        <translation>Marketing führt</translation>
    </message>
    <message>
        <source>Sales leads</source>
        <translation>Verkauf führt</translation>
    </message>
</context>
<context>
    <name>ArchetypeDetails</name>
    <message>
        <source>Cards that drive it</source>
        <translation>Karten, die dafür sprechen</translation>
    </message>
    <message>
        <source>What goes wrong</source>
        <translation>Was dabei schiefgeht</translation>
    </message>
    <message>
        <source>What the article recommends</source>
        <translation>Was der Artikel empfiehlt</translation>
    </message>
</context>
<context>
    <name>ArchetypeRow</name>
    <message>
        <source>RESEMBLES the board</source>
        <translation>TRIFFT auf das Board zu</translation>
    </message>
    <message>
        <source>leaning</source>
        <translation>deutet sich an</translation>
    </message>
    <message>
        <source>does not resemble the board</source>
        <translation>trifft nicht zu</translation>
    </message>
    <message>
        <source>not enough cards placed yet</source>
        <translation>noch zu wenige Karten gelegt</translation>
    </message>
</context>
<context>
    <name>BoardFileActions</name>
    <message>
        <source>Save &amp;board as file…</source>
        <translation>Board als Datei s&amp;peichern…</translation>
    </message>
    <message>
        <source>O&amp;pen board file…</source>
        <translation>Board-Datei ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Board files (*.json);;All files (*)</source>
        <translation>Board-Dateien (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Save board</source>
        <translation>Board speichern</translation>
    </message>
    <message>
        <source>The board was not saved: {reason}</source>
        <translation>Das Board wurde nicht gespeichert: {reason}</translation>
    </message>
    <message>
        <source>Board saved to {path}</source>
        <translation>Board gespeichert unter {path}</translation>
    </message>
    <message>
        <source>Open board</source>
        <translation>Board öffnen</translation>
    </message>
    <message>
        <source>This board file cannot be used:
{reason}</source>
        <translation>Diese Board-Datei kann nicht verwendet werden:
{reason}</translation>
    </message>
    <message>
        <source>Board opened from {path}</source>
        <translation>Board geöffnet aus {path}</translation>
    </message>
    <message>
        <source>The board shown now has moves that are not in a board file. Replace it anyway?</source>
        <translation>Das angezeigte Board enthält Züge, die in keiner Board-Datei stehen. Trotzdem ersetzen?</translation>
    </message>
</context>
<context>
    <name>BoardImageExport</name>
    <message>
        <source>Export &amp;image…</source>
        <translation>B&amp;ild exportieren…</translation>
    </message>
    <message>
        <source>Export image</source>
        <translation>Bild exportieren</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
</context>
<context>
    <name>BoardScene</name>
    <message>
        <source>Marketing</source>
        <translation>Marketing</translation>
    </message>
    <message>
        <source>Interface</source>
        <translation>Schnittstelle</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Verkauf</translation>
    </message>
    <message>
        <source>Not placed yet</source>
        <translation>Noch nicht zugeordnet</translation>
    </message>
</context>
<context>
    <name>CardDialog</name>
    <message>
        <source>Edit card</source>
        <translation>Karte bearbeiten</translation>
    </message>
    <message>
        <source>Add card</source>
        <translation>Karte hinzufügen</translation>
    </message>
    <message>
        <source>No task function (does not count in the diagnosis)</source>
        <translation>Keine Aufgabenfunktion (zählt nicht in der Diagnose)</translation>
    </message>
    <message>
        <source>Task (&amp;German):</source>
        <translation>Aufgabe (&amp;Deutsch):</translation>
    </message>
    <message>
        <source>Task (&amp;English):</source>
        <translation>Aufgabe (&amp;Englisch):</translation>
    </message>
    <message>
        <source>Task &amp;function:</source>
        <translation>Aufgaben&amp;funktion:</translation>
    </message>
</context>
<context>
    <name>CharterPreview</name>
    <message>
        <source>Role charters (preview)</source>
        <translation>Rollenbeschreibungen (Vorschau)</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <source>“{card}” to {zone}</source>
        <translation>„{card}“ nach {zone}</translation>
    </message>
    <message>
        <source>Add card “{card}”</source>
        <translation>Karte „{card}“ hinzufügen</translation>
    </message>
    <message>
        <source>Edit card “{card}”</source>
        <translation>Karte „{card}“ bearbeiten</translation>
    </message>
    <message>
        <source>Remove card “{card}”</source>
        <translation>Karte „{card}“ entfernen</translation>
    </message>
    <message>
        <source>Note on “{card}”</source>
        <translation>Notiz zu „{card}“</translation>
    </message>
    <message>
        <source>Change next steps</source>
        <translation>Nächste Schritte ändern</translation>
    </message>
    <message>
        <source>Rename workshop to “{title}”</source>
        <translation>Workshop in „{title}“ umbenennen</translation>
    </message>
    <message>
        <source>Change workshop details</source>
        <translation>Workshop-Angaben ändern</translation>
    </message>
</context>
<context>
    <name>DateDelegate</name>
    <message>
        <source>no date</source>
        <translation>kein Datum</translation>
    </message>
</context>
<context>
    <name>DiagnosisPanel</name>
    <message>
        <source>… and %n more</source>
        <translation>… und %n weitere</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>Diagnose</translation>
    </message>
    <message>
        <source>Which split does the board resemble? Click one to mark its cards on the board.</source>
        <translation>Welcher Aufteilung ähnelt das Board? Klicken Sie eine an, um ihre Karten auf dem Board zu markieren.</translation>
    </message>
    <message>
        <source>Agreement with the reference split</source>
        <translation>Übereinstimmung mit der Referenzaufteilung</translation>
    </message>
    <message numerus="yes">
        <source>%n card(s) placed</source>
        <translation>
            <numerusform>%n Karte gelegt</numerusform>
            <numerusform>%n Karten gelegt</numerusform>
        </translation>
    </message>
    <message>
        <source>No card with a task function is placed yet.</source>
        <translation>Noch keine Karte mit einer Aufgabenfunktion gelegt.</translation>
    </message>
    <message>
        <source>Every placed card stands where the reference puts it.</source>
        <translation>Jede gelegte Karte liegt dort, wo die Referenz sie sieht.</translation>
    </message>
    <message numerus="yes">
        <source>%n card(s) away from the reference:</source>
        <translation>
            <numerusform>%n Karte weicht von der Referenz ab:</numerusform>
            <numerusform>%n Karten weichen von der Referenz ab:</numerusform>
        </translation>
    </message>
    <message>
        <source>Shared in the Interface (counts half):</source>
        <translation>Gemeinsam in der Schnittstelle (zählt halb):</translation>
    </message>
</context>
<context>
    <name>DiagnosisWords</name>
    <message>
        <source>into Marketing</source>
        <translation>ins Marketing</translation>
    </message>
    <message>
        <source>into the Interface</source>
        <translation>in die Schnittstelle</translation>
    </message>
    <message>
        <source>into Sales</source>
        <translation>in den Verkauf</translation>
    </message>
    <message>
        <source>now in Marketing</source>
        <translation>jetzt im Marketing</translation>
    </message>
    <message>
        <source>now in the Interface</source>
        <translation>jetzt in der Schnittstelle</translation>
    </message>
    <message>
        <source>now in Sales</source>
        <translation>jetzt im Verkauf</translation>
    </message>
    <message>
        <source>not placed yet</source>
        <translation>noch nicht gelegt</translation>
    </message>
    <message>
        <source>In the article: %1</source>
        <translation>Im Artikel: %1</translation>
    </message>
    <message>
        <source>For it: %1</source>
        <translation>Dafür spricht: %1</translation>
    </message>
    <message>
        <source>Against it: %1</source>
        <translation>Dagegen spricht: %1</translation>
    </message>
    <message>
        <source> and </source>
        <translation> und </translation>
    </message>
    <message>
        <source>A close call: %1 – then the board no longer resembles this example.</source>
        <translation>Knapp: Kommt %1, ähnelt das Board diesem Beispiel nicht mehr.</translation>
    </message>
    <message>
        <source>Still open: %1 – then the board resembles this example.</source>
        <translation>Noch offen: Kommen %1, ähnelt das Board diesem Beispiel.</translation>
    </message>
    <message>
        <source>Deciding: %1 – then the board resembles this example.</source>
        <translation>Entscheidend: Kommt %1, ähnelt das Board diesem Beispiel.</translation>
    </message>
    <message>
        <source> or </source>
        <translation> oder </translation>
    </message>
    <message>
        <source>“%1” (%2) %3</source>
        <translation>»%1« (%2) %3</translation>
    </message>
</context>
<context>
    <name>ExportAction</name>
    <message>
        <source>&amp;Export PDF…</source>
        <translation>PDF &amp;exportieren…</translation>
    </message>
    <message>
        <source>Workshop</source>
        <translation>Workshop</translation>
    </message>
    <message>
        <source>PDF, A4 (*.pdf)</source>
        <translation>PDF, A4 (*.pdf)</translation>
    </message>
    <message>
        <source>PDF, US Letter (*.pdf)</source>
        <translation>PDF, US Letter (*.pdf)</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>PDF exportieren</translation>
    </message>
    <message>
        <source>The PDF could not be created: {detail}</source>
        <translation>Das PDF konnte nicht erstellt werden: {detail}</translation>
    </message>
    <message>
        <source>The PDF was not written. The session is unchanged.</source>
        <translation>Das PDF wurde nicht geschrieben. Die Sitzung ist unverändert.</translation>
    </message>
    <message>
        <source>The PDF summary was written to {path}.</source>
        <translation>Die PDF-Zusammenfassung wurde gespeichert unter {path}.</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Ordner öffnen</translation>
    </message>
</context>
<context>
    <name>GroupNamesDialog</name>
    <message>
        <source>Perception round</source>
        <translation>Wahrnehmungsrunde</translation>
    </message>
    <message>
        <source>Two groups place the cards one after the other; each group does not see the other&apos;s board.</source>
        <translation>Zwei Gruppen legen die Karten nacheinander; keine Gruppe sieht das Board der anderen.</translation>
    </message>
    <message>
        <source>First group:</source>
        <translation>Erste Gruppe:</translation>
    </message>
    <message>
        <source>Second group:</source>
        <translation>Zweite Gruppe:</translation>
    </message>
</context>
<context>
    <name>HandoffDialog</name>
    <message>
        <source>Handoff at the interface</source>
        <translation>Übergabe an der Schnittstelle</translation>
    </message>
    <message>
        <source>Marketing leads, hands over to Sales</source>
        <translation>Marketing führt und übergibt an den Verkauf</translation>
    </message>
    <message>
        <source>Sales leads, hands over to Marketing</source>
        <translation>Verkauf führt und übergibt an das Marketing</translation>
    </message>
    <message>
        <source>What passes across, e.g. arguments per customer case</source>
        <translation>Was hinübergeht, z. B. Argumente je Kundenfall</translation>
    </message>
    <message>
        <source>&amp;Remove handoff</source>
        <translation>Übergabe &amp;entfernen</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Grenzziehung – Marketing and Sales</source>
        <translation>Grenzziehung – Marketing und Verkauf</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>&amp;Full screen</source>
        <translation>&amp;Vollbild</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Add card…</source>
        <translation>Karte &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Edit selected card…</source>
        <translation>Gewählte Karte &amp;bearbeiten…</translation>
    </message>
    <message>
        <source>Re&amp;move selected card</source>
        <translation>Gewählte Karte &amp;entfernen</translation>
    </message>
    <message>
        <source>Undo: {what}</source>
        <translation>Rückgängig: {what}</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Main tool bar</source>
        <translation>Werkzeugleiste</translation>
    </message>
    <message>
        <source>Drag cards onto the board. Keys: Tab/arrows select, 1 Marketing, 2 Interface, 3 Sales, 0 back to the tray.</source>
        <translation>Karten ziehen oder mit Tab/Pfeilen wählen: 1 Marketing, 2 Schnittstelle, 3 Verkauf, 0 nicht zugeordnet.</translation>
    </message>
    <message>
        <source>Add card</source>
        <translation>Karte hinzufügen</translation>
    </message>
    <message>
        <source>Edit card</source>
        <translation>Karte bearbeiten</translation>
    </message>
    <message>
        <source>Remove card</source>
        <translation>Karte entfernen</translation>
    </message>
    <message>
        <source>Cards of the deck stay in the workshop; move them back to the tray instead.</source>
        <translation>Karten des Decks bleiben im Workshop; legen Sie sie stattdessen zurück in den Stapel.</translation>
    </message>
</context>
<context>
    <name>NewWorkshopDialog</name>
    <message>
        <source>New workshop</source>
        <translation>Neuer Workshop</translation>
    </message>
    <message>
        <source>One name per line</source>
        <translation>Ein Name pro Zeile</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <source>&amp;Company:</source>
        <translation>&amp;Firma:</translation>
    </message>
    <message>
        <source>&amp;Facilitator:</source>
        <translation>&amp;Moderation:</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Datum:</translation>
    </message>
    <message>
        <source>&amp;Participants:</source>
        <translation>&amp;Teilnehmende:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
</context>
<context>
    <name>NextStepsDialog</name>
    <message>
        <source>Next steps</source>
        <translation>Nächste Schritte</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>By when</source>
        <translation>Bis wann</translation>
    </message>
    <message>
        <source>&amp;Add step</source>
        <translation>Schritt &amp;hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove step</source>
        <translation>Schritt &amp;entfernen</translation>
    </message>
</context>
<context>
    <name>OpenSessionDialog</name>
    <message>
        <source>Open workshop</source>
        <translation>Workshop öffnen</translation>
    </message>
    <message>
        <source>Sessions in {folder}</source>
        <translation>Sitzungen in {folder}</translation>
    </message>
    <message>
        <source>Search title, company or date</source>
        <translation>Titel, Firma oder Datum suchen</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Placed cards</source>
        <translation>Gelegte Karten</translation>
    </message>
    <message>
        <source>Last changed</source>
        <translation>Zuletzt geändert</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>nicht lesbar</translation>
    </message>
    <message>
        <source>{placed} of {cards}</source>
        <translation>{placed} von {cards}</translation>
    </message>
</context>
<context>
    <name>PhaseTimerControl</name>
    <message>
        <source>Phase timer</source>
        <translation>Phasen-Timer</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n Minute</numerusform>
            <numerusform>%n Minuten</numerusform>
        </translation>
    </message>
    <message>
        <source>Other length…</source>
        <translation>Andere Dauer…</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>One more minute</source>
        <translation>Eine Minute mehr</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Soft sound at zero</source>
        <translation>Leiser Ton bei null</translation>
    </message>
    <message>
        <source>Length in minutes:</source>
        <translation>Dauer in Minuten:</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
</context>
<context>
    <name>Presenter</name>
    <message>
        <source>Presenter &amp;mode</source>
        <translation>&amp;Präsentationsmodus</translation>
    </message>
    <message>
        <source>&amp;Reveal diagnosis</source>
        <translation>Diagnose &amp;aufdecken</translation>
    </message>
    <message>
        <source>P&amp;hase timer</source>
        <translation>Phasen-&amp;Timer</translation>
    </message>
</context>
<context>
    <name>ProjectorWindow</name>
    <message>
        <source>Grenzziehung – projector</source>
        <translation>Grenzziehung – Beamer</translation>
    </message>
</context>
<context>
    <name>ResolveDialog</name>
    <message>
        <source>Resolve the contested card</source>
        <translation>Strittige Karte entscheiden</translation>
    </message>
    <message numerus="yes">
        <source>{zone} (%n dot(s))</source>
        <translation>
            <numerusform>{zone} (%n Punkt)</numerusform>
            <numerusform>{zone} (%n Punkte)</numerusform>
        </translation>
    </message>
    <message>
        <source>the vote&apos;s winner</source>
        <translation>Sieger der Abstimmung</translation>
    </message>
    <message>
        <source>No clear winner: choose where the card goes.</source>
        <translation>Kein klarer Sieger: Wählen Sie, wohin die Karte kommt.</translation>
    </message>
    <message>
        <source>Why (optional)</source>
        <translation>Warum (optional)</translation>
    </message>
</context>
<context>
    <name>RevealPanel</name>
    <message>
        <source>Which split does the board resemble?</source>
        <translation>Welcher Aufteilung ähnelt das Board?</translation>
    </message>
    <message>
        <source>Harm: {text}</source>
        <translation>Schaden: {text}</translation>
    </message>
    <message>
        <source>Recommendation: {text}</source>
        <translation>Empfehlung: {text}</translation>
    </message>
    <message>
        <source>Not enough cards placed yet.</source>
        <translation>Noch zu wenige Karten gelegt.</translation>
    </message>
    <message>
        <source>The board resembles none of the four splits.</source>
        <translation>Das Board ähnelt keiner der vier Aufteilungen.</translation>
    </message>
    <message>
        <source>The board resembles none of the four splits yet: not every split can be judged or one is only leaning (see the bars).</source>
        <translation>Das Board ähnelt noch keiner der vier Aufteilungen: nicht jede lässt sich schon beurteilen oder eine deutet sich erst an (siehe die Balken).</translation>
    </message>
</context>
<context>
    <name>RoundControl</name>
    <message>
        <source>Perception gap: %1 (A) and %2 (B) – divergence %3 %</source>
        <translation>Wahrnehmungslücke: %1 (A) und %2 (B) – Divergenz %3 %</translation>
    </message>
    <message>
        <source>As is</source>
        <translation>Ist – so arbeiten wir heute</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Soll – so wollen wir arbeiten</translation>
    </message>
    <message>
        <source>Perception: %1 places the cards</source>
        <translation>Wahrnehmung: %1 legt die Karten</translation>
    </message>
    <message>
        <source>As &amp;is</source>
        <translation>&amp;Ist</translation>
    </message>
    <message>
        <source>&amp;Target</source>
        <translation>&amp;Soll</translation>
    </message>
    <message>
        <source>Show the as-is board (how we work today)</source>
        <translation>Das Ist-Board zeigen (so arbeiten wir heute)</translation>
    </message>
    <message>
        <source>Show the target board; the first time, it starts as a copy of the as-is board</source>
        <translation>Das Soll-Board zeigen; beim ersten Mal beginnt es als Kopie des Ist-Boards</translation>
    </message>
    <message>
        <source>&amp;Perception round</source>
        <translation>&amp;Wahrnehmungsrunde</translation>
    </message>
    <message>
        <source>&amp;Start perception round…</source>
        <translation>Wahrnehmungsrunde &amp;starten…</translation>
    </message>
    <message>
        <source>&amp;Rename the groups…</source>
        <translation>Gruppen &amp;umbenennen…</translation>
    </message>
    <message>
        <source>Show the &amp;overlay of both groups</source>
        <translation>Ü&amp;berlagerung beider Gruppen zeigen</translation>
    </message>
    <message>
        <source>Start as-is round &amp;from</source>
        <translation>Ist-Runde beginnen &amp;aus</translation>
    </message>
    <message>
        <source>the cards both groups &amp;agree on</source>
        <translation>den Karten, bei denen beide Gruppen &amp;einig sind</translation>
    </message>
    <message>
        <source>Rounds</source>
        <translation>Runden</translation>
    </message>
    <message>
        <source>Board of %1</source>
        <translation>Board von %1</translation>
    </message>
    <message>
        <source>the board of %1</source>
        <translation>dem Board von %1</translation>
    </message>
</context>
<context>
    <name>RoundOverlay</name>
    <message>
        <source>both</source>
        <translation>beide</translation>
    </message>
</context>
<context>
    <name>RoundScores</name>
    <message>
        <source>Round: %1</source>
        <translation>Runde: %1</translation>
    </message>
    <message>
        <source>As is</source>
        <translation>Ist</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Soll</translation>
    </message>
</context>
<context>
    <name>RoundsPanel</name>
    <message>
        <source>Rounds</source>
        <translation>Runden</translation>
    </message>
    <message>
        <source>Perception gap</source>
        <translation>Wahrnehmungslücke</translation>
    </message>
    <message numerus="yes">
        <source>What moved (%n card(s))</source>
        <translation>
            <numerusform>Was sich bewegt hat (%n Karte)</numerusform>
            <numerusform>Was sich bewegt hat (%n Karten)</numerusform>
        </translation>
    </message>
    <message>
        <source>Neither group has placed a card yet.</source>
        <translation>Noch keine Gruppe hat eine Karte gelegt.</translation>
    </message>
    <message numerus="yes">
        <source>Divergence: %1 % (%n card(s) disputed, %2 agreed)</source>
        <translation>
            <numerusform>Divergenz: %1 % (%n Karte uneinig, %2 einig)</numerusform>
            <numerusform>Divergenz: %1 % (%n Karten uneinig, %2 einig)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 sees none of the four patterns</source>
        <translation>%1 erkennt keines der vier Muster</translation>
    </message>
    <message>
        <source>%1 has not placed a card yet</source>
        <translation>%1 hat noch keine Karte gelegt</translation>
    </message>
    <message>
        <source>%1 sees: %2</source>
        <translation>%1 sieht: %2</translation>
    </message>
</context>
<context>
    <name>SessionController</name>
    <message>
        <source>Using the default folder {folder} instead.</source>
        <translation>Stattdessen wird der Standardordner {folder} verwendet.</translation>
    </message>
    <message>
        <source>The sessions folder {folder} cannot be created ({detail}).</source>
        <translation>Der Sitzungsordner {folder} kann nicht angelegt werden ({detail}).</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <source>Nothing done on a board without a session is saved. What do you want to do?</source>
        <translation>Ohne Sitzung wird nichts auf dem Board gespeichert. Wie möchten Sie fortfahren?</translation>
    </message>
    <message>
        <source>New workshop</source>
        <translation>Neuer Workshop</translation>
    </message>
    <message>
        <source>Open another…</source>
        <translation>Andere öffnen…</translation>
    </message>
    <message>
        <source>Go on without saving</source>
        <translation>Ohne Speichern weiterarbeiten</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Not saved!</source>
        <translation>Nicht gespeichert!</translation>
    </message>
    <message>
        <source>Saved automatically: {name}</source>
        <translation>Automatisch gespeichert: {name}</translation>
    </message>
    <message>
        <source>{title} (not saved) – {app}</source>
        <translation>{title} (nicht gespeichert) – {app}</translation>
    </message>
    <message>
        <source>Demo workshop</source>
        <translation>Demo-Workshop</translation>
    </message>
    <message>
        <source>Not saved – File &gt; New workshop saves</source>
        <translation>Nicht gespeichert – Datei &gt; Neuer Workshop speichert</translation>
    </message>
</context>
<context>
    <name>SessionMenu</name>
    <message>
        <source>Open &amp;recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;New workshop…</source>
        <translation>&amp;Neuer Workshop…</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Öffnen…</translation>
    </message>
    <message>
        <source>&amp;Duplicate for the next team…</source>
        <translation>Für das nächste Team &amp;duplizieren…</translation>
    </message>
    <message>
        <source>Rena&amp;me…</source>
        <translation>&amp;Umbenennen…</translation>
    </message>
    <message>
        <source>De&amp;lete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>Sessions &amp;folder…</source>
        <translation>Sitzungs&amp;ordner…</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Duplicate workshop</source>
        <translation>Workshop duplizieren</translation>
    </message>
    <message>
        <source>Title of the copy (same deck and cards, empty board):</source>
        <translation>Titel der Kopie (gleiches Deck und gleiche Karten, leeres Board):</translation>
    </message>
    <message>
        <source>{title} (next team)</source>
        <translation>{title} (nächstes Team)</translation>
    </message>
    <message>
        <source>Rename workshop</source>
        <translation>Workshop umbenennen</translation>
    </message>
    <message>
        <source>New title:</source>
        <translation>Neuer Titel:</translation>
    </message>
    <message>
        <source>Move the workshop “{title}” to the trash folder {trash}?</source>
        <translation>Den Workshop „{title}“ in den Papierkorb-Ordner {trash} verschieben?</translation>
    </message>
    <message>
        <source>Delete workshop</source>
        <translation>Workshop löschen</translation>
    </message>
    <message>
        <source>Sessions folder</source>
        <translation>Sitzungsordner</translation>
    </message>
</context>
<context>
    <name>SessionNotes</name>
    <message>
        <source>&amp;Note on selected card…</source>
        <translation>&amp;Notiz zur gewählten Karte…</translation>
    </message>
    <message>
        <source>Next &amp;steps…</source>
        <translation>Nächste &amp;Schritte…</translation>
    </message>
    <message>
        <source>Wor&amp;kshop details…</source>
        <translation>Workshop-&amp;Angaben…</translation>
    </message>
    <message>
        <source>Note on the card</source>
        <translation>Notiz zur Karte</translation>
    </message>
    <message>
        <source>Note on “{card}”:</source>
        <translation>Notiz zu „{card}“:</translation>
    </message>
    <message>
        <source>Next steps</source>
        <translation>Nächste Schritte</translation>
    </message>
    <message>
        <source>Workshop details</source>
        <translation>Workshop-Angaben</translation>
    </message>
</context>
<context>
    <name>Sessions</name>
    <message>
        <source>Demo workshop</source>
        <translation>Demo-Workshop</translation>
    </message>
</context>
<context>
    <name>UnsavedBanner</name>
    <message>
        <source>Not saved: nothing done on this board is being saved. File &gt; New workshop saves it in a session.</source>
        <translation>Nicht gespeichert: nichts auf diesem Board wird gespeichert. Datei &gt; Neuer Workshop speichert es in einer Sitzung.</translation>
    </message>
</context>
</TS>
