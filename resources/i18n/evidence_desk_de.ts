<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>About</name>
    <message>
        <source>Component</source>
        <translation>Komponente</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Lizenz</translation>
    </message>
    <message>
        <source>The licence texts are in {folder}.</source>
        <translation>Die Lizenztexte liegen in {folder}.</translation>
    </message>
    <message>
        <source>The licence texts are in each package&apos;s installed metadata.</source>
        <translation>Die Lizenztexte liegen in den installierten Metadaten jedes Pakets.</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Evidence Desk</source>
        <translation>Über Evidence Desk</translation>
    </message>
    <message>
        <source>Offline review, tagging, redaction and export of sensitive document packages. Nothing leaves this computer unless you export it.</source>
        <translation>Offline-Sichtung, Markierung, Schwärzung und Export sensibler Dokumentensammlungen. Nichts verlässt diesen Computer, außer Sie exportieren es.</translation>
    </message>
    <message>
        <source>Licence: GNU Affero General Public License, version 3 or any later version ({spdx}).</source>
        <translation>Lizenz: GNU Affero General Public License, Version 3 oder jede spätere Version ({spdx}).</translation>
    </message>
    <message>
        <source>Third-party software</source>
        <translation>Software Dritter</translation>
    </message>
    <message>
        <source>Licence text</source>
        <translation>Lizenztext</translation>
    </message>
</context>
<context>
    <name>Accessibility</name>
    <message>
        <source>Documents in the case</source>
        <translation>Dokumente des Falls</translation>
    </message>
    <message>
        <source>Filter documents</source>
        <translation>Dokumente filtern</translation>
    </message>
    <message>
        <source>Filter by kind</source>
        <translation>Nach Art filtern</translation>
    </message>
    <message>
        <source>Filter by review status</source>
        <translation>Nach Prüfstatus filtern</translation>
    </message>
    <message>
        <source>Search the case</source>
        <translation>Fall durchsuchen</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Suchergebnisse</translation>
    </message>
    <message>
        <source>Left document</source>
        <translation>Linkes Dokument</translation>
    </message>
    <message>
        <source>Right document</source>
        <translation>Rechtes Dokument</translation>
    </message>
    <message>
        <source>{side}: pages</source>
        <translation>{side}: Seiten</translation>
    </message>
    <message>
        <source>Find in the {side}</source>
        <translation>Suchen im Dokument ({side})</translation>
    </message>
    <message>
        <source>{side}: page number</source>
        <translation>{side}: Seitenzahl</translation>
    </message>
    <message>
        <source>{side}: zoom</source>
        <translation>{side}: Zoom</translation>
    </message>
    <message>
        <source>Close the {side}</source>
        <translation>Schließen: {side}</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Fenster</translation>
    </message>
    <message>
        <source>{place}: columns</source>
        <translation>{place}: Spalten</translation>
    </message>
    <message>
        <source>{place}: tabs</source>
        <translation>{place}: Reiter</translation>
    </message>
    <message>
        <source>Panel tabs</source>
        <translation>Reiter der Bereiche</translation>
    </message>
    <message>
        <source>{place}: list</source>
        <translation>{place}: Liste</translation>
    </message>
    <message>
        <source>{place}: choice</source>
        <translation>{place}: Auswahl</translation>
    </message>
</context>
<context>
    <name>AnnotationPanel</name>
    <message>
        <source>Annotations</source>
        <translation>Anmerkungen</translation>
    </message>
</context>
<context>
    <name>BundleImport</name>
    <message>
        <source>Checking {name}</source>
        <translation>Prüfe {name}</translation>
    </message>
    <message>
        <source>Importing {name}</source>
        <translation>Importiere {name}</translation>
    </message>
    <message>
        <source>Imported {name}: {docs} document(s) added</source>
        <translation>{name} importiert: {docs} Dokument(e) hinzugefügt</translation>
    </message>
    <message>
        <source>{n} conflict(s) resolved: {how}</source>
        <translation>{n} Konflikt(e) gelöst: {how}</translation>
    </message>
    <message>
        <source>left unchanged</source>
        <translation>unverändert gelassen</translation>
    </message>
    <message>
        <source>Bundle imported</source>
        <translation>Paket importiert</translation>
    </message>
    <message>
        <source>The bundle, checked before the merge</source>
        <translation>Das Paket, vor dem Zusammenführen geprüft</translation>
    </message>
</context>
<context>
    <name>CaseBrowser</name>
    <message>
        <source>Filter by name, reference, sender…</source>
        <translation>Nach Name, Aktenzeichen, Absender filtern…</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Alle Arten</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Jeder Status</translation>
    </message>
    <message>
        <source>Open on the &amp;left</source>
        <translation>&amp;Links öffnen</translation>
    </message>
    <message>
        <source>Open on the &amp;right</source>
        <translation>&amp;Rechts öffnen</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Aktenzeichen</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Seiten</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>{n} failed redaction(s)</source>
        <translation>{n} fehlgeschlagene Schwärzung(en)</translation>
    </message>
    <message>
        <source>boxes drawn over text that can still be extracted</source>
        <translation>Balken über Text, der sich noch auslesen lässt</translation>
    </message>
</context>
<context>
    <name>CaseDialogs</name>
    <message>
        <source>Open a case folder</source>
        <translation>Fallordner öffnen</translation>
    </message>
    <message>
        <source>Give the case a name.</source>
        <translation>Geben Sie dem Fall einen Namen.</translation>
    </message>
    <message>
        <source>“{name}” cannot be a folder name.</source>
        <translation>„{name}“ kann kein Ordnername sein.</translation>
    </message>
    <message>
        <source>A case name cannot hold / \ : * ? &quot; &lt; &gt; | or control characters.</source>
        <translation>Ein Fallname darf / \ : * ? &quot; &lt; &gt; | und Steuerzeichen nicht enthalten.</translation>
    </message>
    <message>
        <source>The name is too long for a folder.</source>
        <translation>Der Name ist für einen Ordner zu lang.</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist.</source>
        <translation>Der Ordner {folder} existiert nicht.</translation>
    </message>
    <message>
        <source>{path} is a file.</source>
        <translation>{path} ist eine Datei.</translation>
    </message>
    <message>
        <source>{path} already exists and is not empty: choose another name, or open it with Case › Open Case….</source>
        <translation>{path} existiert bereits und ist nicht leer: wählen Sie einen anderen Namen oder öffnen Sie ihn mit Fall › Fall öffnen….</translation>
    </message>
    <message>
        <source>New Case</source>
        <translation>Neuer Fall</translation>
    </message>
    <message>
        <source>e.g. Qaldara export permits</source>
        <translation>z. B. Ausfuhrgenehmigungen Qaldara</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>&amp;Encrypt this case (database and files; its passphrase is asked whenever it opens)</source>
        <translation>Diesen Fall &amp;verschlüsseln (Datenbank und Dateien; die Passphrase wird bei jedem Öffnen abgefragt)</translation>
    </message>
    <message>
        <source>Case &amp;name</source>
        <translation>Fall&amp;name</translation>
    </message>
    <message>
        <source>&amp;In folder</source>
        <translation>&amp;Im Ordner</translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation>&amp;Passphrase</translation>
    </message>
    <message>
        <source>&amp;Again</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>&amp;Create Case</source>
        <translation>Fall &amp;anlegen</translation>
    </message>
    <message>
        <source>The passphrase needs at least {n} characters. Nobody can open the case without it, and it cannot be recovered.</source>
        <translation>Die Passphrase braucht mindestens {n} Zeichen. Ohne sie kann niemand den Fall öffnen, und sie lässt sich nicht wiederherstellen.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Die beiden Passphrasen unterscheiden sich.</translation>
    </message>
    <message>
        <source>The case will be the folder {path}</source>
        <translation>Der Fall wird der Ordner {path}</translation>
    </message>
    <message>
        <source>The folder the new case goes in</source>
        <translation>Der Ordner, in den der neue Fall kommt</translation>
    </message>
</context>
<context>
    <name>CaseMenu</name>
    <message>
        <source>No other recent cases</source>
        <translation>Keine weiteren zuletzt geöffneten Fälle</translation>
    </message>
    <message>
        <source>Evidence Desk — no case open</source>
        <translation>Evidence Desk — kein Fall geöffnet</translation>
    </message>
    <message>
        <source>&amp;Case</source>
        <translation>&amp;Fall</translation>
    </message>
    <message>
        <source>&amp;New Case…</source>
        <translation>&amp;Neuer Fall…</translation>
    </message>
    <message>
        <source>&amp;Open Case…</source>
        <translation>Fall ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Zuletzt &amp;geöffnet</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>No case is open.</source>
        <translation>Kein Fall ist geöffnet.</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>Import {name}</source>
        <translation>{name} importieren</translation>
    </message>
    <message>
        <source>New: {what}.</source>
        <translation>Neu: {what}.</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <source>Changed only by the colleague, taken from the bundle: {what}.</source>
        <translation>Nur von der Kollegin oder dem Kollegen geändert, aus dem Paket übernommen: {what}.</translation>
    </message>
    <message>
        <source>{n} record(s) the same on both sides; the two audit logs share {fork} entries.</source>
        <translation>{n} Datensatz/Datensätze auf beiden Seiten gleich; die beiden Prüfprotokolle teilen {fork} Einträge.</translation>
    </message>
    <message>
        <source>{n} record(s) were changed on both sides. Choose whose version to keep:</source>
        <translation>{n} Datensatz/Datensätze wurden auf beiden Seiten geändert. Wählen Sie, welche Fassung gilt:</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Meine</translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation>Ihre</translation>
    </message>
    <message>
        <source>Keep &amp;Mine</source>
        <translation>&amp;Meine behalten</translation>
    </message>
    <message>
        <source>Take &amp;Theirs</source>
        <translation>&amp;Ihre übernehmen</translation>
    </message>
    <message>
        <source>Keep &amp;Both</source>
        <translation>&amp;Beide behalten</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
</context>
<context>
    <name>DetailsTab</name>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Aktenzeichen</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>Absender</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Empfänger</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Sprachen</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>JJJJ-MM-TT</translation>
    </message>
    <message>
        <source>e.g. rus+eng</source>
        <translation>z. B. rus+eng</translation>
    </message>
    <message>
        <source>Review status</source>
        <translation>Prüfstatus</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Übernehmen</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>No document open.</source>
        <translation>Kein Dokument geöffnet.</translation>
    </message>
    <message numerus="yes">
        <source>{file}
%n page(s), {media}, {size} bytes
SHA-256 {sha}</source>
        <translation>
            <numerusform>{file}
%n Seite, {media}, {size} Byte
SHA-256 {sha}</numerusform>
            <numerusform>{file}
%n Seiten, {media}, {size} Byte
SHA-256 {sha}</numerusform>
        </translation>
    </message>
    <message>
        <source>Document details</source>
        <translation>Dokumentangaben</translation>
    </message>
</context>
<context>
    <name>DocumentScope</name>
    <message>
        <source>Documents</source>
        <translation>Dokumente</translation>
    </message>
    <message>
        <source>&amp;This document</source>
        <translation>&amp;Dieses Dokument</translation>
    </message>
    <message>
        <source>&amp;Selected documents ({n})</source>
        <translation>&amp;Ausgewählte Dokumente ({n})</translation>
    </message>
    <message>
        <source>&amp;All documents</source>
        <translation>A&amp;lle Dokumente</translation>
    </message>
</context>
<context>
    <name>DocumentViewer</name>
    <message>
        <source>Go to page</source>
        <translation>Gehe zu Seite</translation>
    </message>
    <message>
        <source>Page number</source>
        <translation>Seitenzahl</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>Breite einpassen</translation>
    </message>
    <message>
        <source>Fit page</source>
        <translation>Seite einpassen</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+-)</source>
        <translation>Verkleinern (Strg+-)</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl++)</source>
        <translation>Vergrößern (Strg++)</translation>
    </message>
    <message>
        <source>Actual size</source>
        <translation>Originalgröße</translation>
    </message>
    <message>
        <source>Rotate view 90° clockwise</source>
        <translation>Ansicht um 90° im Uhrzeigersinn drehen</translation>
    </message>
    <message>
        <source>Find in document</source>
        <translation>Im Dokument suchen</translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation>Vorheriger Treffer (Umschalt+F3)</translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation>Nächster Treffer (F3)</translation>
    </message>
    <message>
        <source>This page has {n} failed redaction(s): a box drawn over text that can still be extracted (outlined in magenta). Tools › Redact Failed Redactions covers them for real.</source>
        <translation>Diese Seite hat {n} fehlgeschlagene Schwärzung(en): einen Balken über Text, der sich noch auslesen lässt (magenta umrandet). Werkzeuge › Fehlgeschlagene Schwärzungen schwärzen deckt sie wirklich ab.</translation>
    </message>
    <message>
        <source>{n} found</source>
        <translation>{n} gefunden</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>nicht gefunden</translation>
    </message>
    <message>
        <source>{i} of {n}</source>
        <translation>{i} von {n}</translation>
    </message>
</context>
<context>
    <name>EntityManager</name>
    <message>
        <source>Entities</source>
        <translation>Entitäten</translation>
    </message>
    <message>
        <source>Filter by name or alias</source>
        <translation>Nach Name oder Alias filtern</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>Alle Typen</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <source>T&amp;ype</source>
        <translation>T&amp;yp</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Aliases</source>
        <translation>Aliasse</translation>
    </message>
    <message>
        <source>Mentions</source>
        <translation>Erwähnungen</translation>
    </message>
    <message>
        <source>Suggested</source>
        <translation>Erkannt</translation>
    </message>
    <message>
        <source>Choose an entity to see its mentions.</source>
        <translation>Wählen Sie eine Entität, um ihre Erwähnungen zu sehen.</translation>
    </message>
    <message>
        <source>&amp;Previous Mention</source>
        <translation>&amp;Vorherige Erwähnung</translation>
    </message>
    <message>
        <source>&amp;Next Mention</source>
        <translation>&amp;Nächste Erwähnung</translation>
    </message>
    <message>
        <source>Add &amp;Alias…</source>
        <translation>&amp;Alias hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>&amp;Umbenennen…</translation>
    </message>
    <message>
        <source>&amp;Merge…</source>
        <translation>&amp;Zusammenführen…</translation>
    </message>
    <message>
        <source>&amp;Split…</source>
        <translation>&amp;Aufteilen…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>Schl&amp;ießen</translation>
    </message>
    <message>
        <source>{shown} of {total}</source>
        <translation>{shown} von {total}</translation>
    </message>
    <message>
        <source>{n} entities chosen.</source>
        <translation>{n} Entitäten gewählt.</translation>
    </message>
    <message>
        <source>{file} — p. {page}</source>
        <translation>{file} — S. {page}</translation>
    </message>
    <message>
        <source>(region)</source>
        <translation>(Bereich)</translation>
    </message>
    <message>
        <source>[suggested]</source>
        <translation>[erkannt]</translation>
    </message>
    <message numerus="yes">
        <source>{name}: {tagged} tagged, {suggested} suggested, in %n document(s)</source>
        <translation>
            <numerusform>{name}: {tagged} markiert, {suggested} erkannt, in %n Dokument</numerusform>
            <numerusform>{name}: {tagged} markiert, {suggested} erkannt, in %n Dokumenten</numerusform>
        </translation>
    </message>
    <message>
        <source>Merge {n} entities into “{name}”</source>
        <translation>{n} Entitäten in „{name}“ zusammenführen</translation>
    </message>
    <message>
        <source>Add an alias</source>
        <translation>Alias hinzufügen</translation>
    </message>
    <message>
        <source>Another name for “{name}” (a language, script or spelling):</source>
        <translation>Ein weiterer Name für „{name}“ (andere Sprache, Schrift oder Schreibweise):</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Umbenennen</translation>
    </message>
    <message>
        <source>New name (the old one stays an alias):</source>
        <translation>Neuer Name (der alte bleibt als Alias erhalten):</translation>
    </message>
    <message>
        <source>Merge entities</source>
        <translation>Entitäten zusammenführen</translation>
    </message>
    <message>
        <source>Keep this one (the others&apos; mentions and names move to it):</source>
        <translation>Diese behalten (Erwähnungen und Namen der anderen gehen auf sie über):</translation>
    </message>
    <message>
        <source>Delete entity</source>
        <translation>Entität löschen</translation>
    </message>
    <message>
        <source>Delete “{name}” with its {n} mention(s) and its aliases? Undo brings it back.</source>
        <translation>„{name}“ mit {n} Erwähnung(en) und allen Aliassen löschen? Rückgängig stellt sie wieder her.</translation>
    </message>
</context>
<context>
    <name>EntityPickerDialog</name>
    <message>
        <source>Tag an entity</source>
        <translation>Entität markieren</translation>
    </message>
    <message>
        <source>Type a name or alias (any language or script)</source>
        <translation>Name oder Alias eingeben (jede Sprache und Schrift)</translation>
    </message>
    <message>
        <source>Choose a type…</source>
        <translation>Typ wählen…</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Markieren</translation>
    </message>
    <message>
        <source>Selected text</source>
        <translation>Ausgewählter Text</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>Entität</translation>
    </message>
    <message>
        <source>Type (new entity)</source>
        <translation>Typ (neue Entität)</translation>
    </message>
    <message>
        <source>Existing entities:</source>
        <translation>Vorhandene Entitäten:</translation>
    </message>
    <message>
        <source>(as “{alias}”)</source>
        <translation>(als „{alias}“)</translation>
    </message>
    <message>
        <source>Tags the existing entity “{name}”.</source>
        <translation>Markiert die vorhandene Entität „{name}“.</translation>
    </message>
    <message>
        <source>No entity is called “{name}”: choose a type to create one, or pick an existing entity.</source>
        <translation>Keine Entität heißt „{name}“: Wählen Sie einen Typ, um sie anzulegen, oder eine vorhandene Entität.</translation>
    </message>
    <message>
        <source>Creates a new {type} “{name}”.</source>
        <translation>Legt „{name}“ neu an ({type}).</translation>
    </message>
    <message>
        <source>Type a name, or pick an existing entity.</source>
        <translation>Geben Sie einen Namen ein oder wählen Sie eine vorhandene Entität.</translation>
    </message>
</context>
<context>
    <name>EntityView</name>
    <message>
        <source>Include suggested mentions</source>
        <translation>Erkannte Erwähnungen einbeziehen</translation>
    </message>
    <message>
        <source>No entity chosen.</source>
        <translation>Keine Entität gewählt.</translation>
    </message>
    <message numerus="yes">
        <source>{name} — {type} · %n mention(s)</source>
        <translation>
            <numerusform>{name} — {type} · %n Erwähnung</numerusform>
            <numerusform>{name} — {type} · %n Erwähnungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n document(s)</source>
        <translation>
            <numerusform>in %n Dokument</numerusform>
            <numerusform>in %n Dokumenten</numerusform>
        </translation>
    </message>
    <message>
        <source>Also: {names}</source>
        <translation>Auch: {names}</translation>
    </message>
    <message>
        <source>No other names.</source>
        <translation>Keine weiteren Namen.</translation>
    </message>
    <message>
        <source>{file} — p. {page}</source>
        <translation>{file} — S. {page}</translation>
    </message>
    <message>
        <source>(region)</source>
        <translation>(Bereich)</translation>
    </message>
    <message>
        <source>[suggested]</source>
        <translation>[erkannt]</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Sanitised &amp;PDF (redactions applied, verified before writing)</source>
        <translation>Bereinigtes &amp;PDF (Schwärzungen angewandt, vor dem Schreiben geprüft)</translation>
    </message>
    <message>
        <source>&amp;Bundle: a verifiable, optionally signed .zip</source>
        <translation>&amp;Paket: ein prüfbares, auf Wunsch signiertes .zip</translation>
    </message>
    <message>
        <source>Sanitised PDFs (and, internal profile, the originals), annotations, entities, provenance, the audit log and an offline report</source>
        <translation>Bereinigte PDFs (im Profil Intern auch die Originale), Anmerkungen, Entitäten, Herkunft, das Prüfprotokoll und ein Offline-Bericht</translation>
    </message>
    <message>
        <source>Export as</source>
        <translation>Exportieren als</translation>
    </message>
    <message>
        <source>&amp;Hide widths (bars of random width; lines laid out again)</source>
        <translation>Breiten &amp;verbergen (Balken zufälliger Breite; Zeilen neu gesetzt)</translation>
    </message>
    <message>
        <source>&amp;Flatten: pages as pictures, text layer only outside redactions</source>
        <translation>&amp;Rastern: Seiten als Bilder, Textebene nur außerhalb der Schwärzungen</translation>
    </message>
    <message>
        <source>Print the &amp;reason code on each box</source>
        <translation>Begründungs&amp;code auf jeden Balken drucken</translation>
    </message>
    <message>
        <source>Whiten printer &amp;tracking dots on colour scans</source>
        <translation>&amp;Druckerkennungspunkte auf Farbscans weiß übermalen</translation>
    </message>
    <message>
        <source>Publication: redacted files only, no source identity</source>
        <translation>Veröffentlichung: nur geschwärzte Dateien, keine Quellenidentität</translation>
    </message>
    <message>
        <source>Internal: everything, the originals included</source>
        <translation>Intern: alles, einschließlich der Originale</translation>
    </message>
    <message>
        <source>Si&amp;gn with my key</source>
        <translation>Mit meinem Schlüssel si&amp;gnieren</translation>
    </message>
    <message>
        <source>the key&apos;s passphrase (used once, not stored)</source>
        <translation>Passphrase des Schlüssels (einmal verwendet, nicht gespeichert)</translation>
    </message>
    <message>
        <source>Pro&amp;file</source>
        <translation>Pro&amp;fil</translation>
    </message>
    <message>
        <source>&amp;Key</source>
        <translation>&amp;Schlüssel</translation>
    </message>
    <message>
        <source>Pass&amp;phrase</source>
        <translation>Pass&amp;phrase</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <source>B&amp;rowse…</source>
        <translation>Du&amp;rchsuchen…</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>&amp;Save to</source>
        <translation>&amp;Speichern unter</translation>
    </message>
    <message>
        <source>Save the bundle as</source>
        <translation>Paket speichern unter</translation>
    </message>
    <message>
        <source>Bundles (*.zip)</source>
        <translation>Pakete (*.zip)</translation>
    </message>
    <message>
        <source>Save the PDF as</source>
        <translation>PDF speichern unter</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Folder for the PDFs</source>
        <translation>Ordner für die PDFs</translation>
    </message>
    <message>
        <source>Choose where to save the export.</source>
        <translation>Wählen Sie, wohin exportiert wird.</translation>
    </message>
    <message>
        <source>Give the passphrase of the key to sign with.</source>
        <translation>Geben Sie die Passphrase des Signaturschlüssels ein.</translation>
    </message>
    <message>
        <source>Verifying the bundle</source>
        <translation>Paket wird geprüft</translation>
    </message>
    <message>
        <source>Exporting a bundle</source>
        <translation>Paket wird exportiert</translation>
    </message>
    <message>
        <source>The case holds no documents to export.</source>
        <translation>Der Fall enthält keine Dokumente zum Exportieren.</translation>
    </message>
    <message>
        <source>Cannot create the folder {path} ({why}).</source>
        <translation>Der Ordner {path} kann nicht angelegt werden ({why}).</translation>
    </message>
    <message>
        <source>Exporting {n} of {total}</source>
        <translation>Exportiere {n} von {total}</translation>
    </message>
    <message>
        <source>Exporting sanitised PDFs</source>
        <translation>Bereinigte PDFs werden exportiert</translation>
    </message>
    <message>
        <source>{name}: {pages} pages, {n} redactions applied</source>
        <translation>{name}: {pages} Seiten, {n} Schwärzungen angewandt</translation>
    </message>
    <message>
        <source>{n} of the applied redactions are still only proposed</source>
        <translation>{n} der angewandten Schwärzungen sind erst vorgeschlagen</translation>
    </message>
    <message>
        <source>{n} sanitised PDF(s) written and verified.</source>
        <translation>{n} bereinigte(s) PDF geschrieben und geprüft.</translation>
    </message>
    <message>
        <source>{n} written and verified; {m} not written: {first}</source>
        <translation>{n} geschrieben und geprüft; {m} nicht geschrieben: {first}</translation>
    </message>
    <message>
        <source>Export finished</source>
        <translation>Export abgeschlossen</translation>
    </message>
    <message>
        <source>Export incomplete</source>
        <translation>Export unvollständig</translation>
    </message>
    <message>
        <source>{path}: {profile} profile, {docs} documents, {members} members, {size} bytes; audit log of {entries} entries</source>
        <translation>{path}: Profil {profile}, {docs} Dokumente, {members} Bestandteile, {size} Byte; Prüfprotokoll mit {entries} Einträgen</translation>
    </message>
    <message>
        <source>({n} withheld: they quote redacted or internal text)</source>
        <translation>({n} zurückgehalten: sie zitieren geschwärzten oder internen Text)</translation>
    </message>
    <message>
        <source>Signed by key {fp}.</source>
        <translation>Signiert mit Schlüssel {fp}.</translation>
    </message>
    <message>
        <source>Verification of the written bundle</source>
        <translation>Prüfung des geschriebenen Pakets</translation>
    </message>
    <message>
        <source>Bundle exported</source>
        <translation>Paket exportiert</translation>
    </message>
    <message>
        <source>Bundle exported, but it failed verification</source>
        <translation>Paket exportiert, aber die Prüfung ist fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>FailedRedactionsPreview</name>
    <message>
        <source>Redact failed redactions</source>
        <translation>Fehlgeschlagene Schwärzungen schwärzen</translation>
    </message>
    <message>
        <source>{n} failed redaction(s) on page(s) {pages}: the text under these boxes can still be extracted. Redact covers each box for real.</source>
        <translation>{n} fehlgeschlagene Schwärzung(en) auf Seite(n) {pages}: Der Text unter diesen Balken lässt sich noch auslesen. Schwärzen deckt jeden Balken wirklich ab.</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Seite</translation>
    </message>
    <message>
        <source>Box (pt)</source>
        <translation>Balken (pt)</translation>
    </message>
    <message>
        <source>Text under it</source>
        <translation>Text darunter</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Begründung:</translation>
    </message>
    <message>
        <source>&amp;Redact {n}</source>
        <translation>{n} &amp;schwärzen</translation>
    </message>
</context>
<context>
    <name>FirstFrame</name>
    <message>
        <source>{name} — Evidence Desk</source>
        <translation>{name} — Evidence Desk</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>Evidence Desk Guide</source>
        <translation>Evidence-Desk-Leitfaden</translation>
    </message>
    <message>
        <source>Guide</source>
        <translation>Leitfaden</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>Other</source>
        <translation>Sonstige</translation>
    </message>
</context>
<context>
    <name>HitText</name>
    <message numerus="yes">
        <source>, %n line(s)</source>
        <translation>
            <numerusform>, %n Zeile</numerusform>
            <numerusform>, %n Zeilen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IdleLock</name>
    <message>
        <source>Checking the passphrase…</source>
        <translation>Passphrase wird geprüft…</translation>
    </message>
    <message>
        <source>Wrong passphrase. Try again.</source>
        <translation>Falsche Passphrase. Bitte erneut versuchen.</translation>
    </message>
</context>
<context>
    <name>ImportSummaryDialog</name>
    <message>
        <source>Import finished</source>
        <translation>Import abgeschlossen</translation>
    </message>
    <message>
        <source>⚠ {n} failed redaction(s) in {d} document(s): boxes drawn over text that can still be extracted. They are outlined in the viewer; Tools › Redact Failed Redactions covers them.</source>
        <translation>⚠ {n} fehlgeschlagene Schwärzung(en) in {d} Dokument(en): Balken über Text, der sich noch auslesen lässt. Sie sind in der Ansicht umrandet; Werkzeuge › Fehlgeschlagene Schwärzungen schwärzen deckt sie ab.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Einzelheiten</translation>
    </message>
    <message>
        <source>; ⚠ {n} failed redaction(s)</source>
        <translation>; ⚠ {n} fehlgeschlagene Schwärzung(en)</translation>
    </message>
</context>
<context>
    <name>JobDialog</name>
    <message>
        <source>{title} — cancelling…</source>
        <translation>{title} — wird abgebrochen…</translation>
    </message>
</context>
<context>
    <name>JobStatusWidget</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel the running job</source>
        <translation>Laufenden Vorgang abbrechen</translation>
    </message>
</context>
<context>
    <name>LinksPanel</name>
    <message>
        <source>Cites</source>
        <translation>Zitiert</translation>
    </message>
    <message>
        <source>Cited by</source>
        <translation>Zitiert von</translation>
    </message>
    <message>
        <source>Other links</source>
        <translation>Weitere Verknüpfungen</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Seite</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Beleg</translation>
    </message>
    <message>
        <source>Find citations by reference number</source>
        <translation>Zitate über Aktenzeichen finden</translation>
    </message>
    <message>
        <source>Link documents whose pages cite another document&apos;s reference number</source>
        <translation>Dokumente verknüpfen, deren Seiten das Aktenzeichen eines anderen Dokuments zitieren</translation>
    </message>
    <message>
        <source>No document open.</source>
        <translation>Kein Dokument geöffnet.</translation>
    </message>
    <message>
        <source>Reference {ref}.</source>
        <translation>Aktenzeichen {ref}.</translation>
    </message>
    <message>
        <source>No reference number set.</source>
        <translation>Kein Aktenzeichen angegeben.</translation>
    </message>
    <message numerus="yes">
        <source>%n link(s); double-click one to open both side by side.</source>
        <translation>
            <numerusform>%n Verknüpfung; Doppelklick öffnet beide nebeneinander.</numerusform>
            <numerusform>%n Verknüpfungen; Doppelklick öffnet beide nebeneinander.</numerusform>
        </translation>
    </message>
    <message>
        <source>No links yet.</source>
        <translation>Noch keine Verknüpfungen.</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>This case is locked</source>
        <translation>Dieser Fall ist gesperrt</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Entsperren</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;New Case…</source>
        <translation>&amp;Neuer Fall…</translation>
    </message>
    <message>
        <source>&amp;Open Case…</source>
        <translation>Fall ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>&amp;Import Files…</source>
        <translation>Dateien &amp;importieren…</translation>
    </message>
    <message>
        <source>Import PDFs and images into the case</source>
        <translation>PDFs und Bilder in den Fall importieren</translation>
    </message>
    <message>
        <source>Import &amp;Folder…</source>
        <translation>&amp;Ordner importieren…</translation>
    </message>
    <message>
        <source>Open the &amp;Demo Case</source>
        <translation>&amp;Demofall öffnen</translation>
    </message>
    <message>
        <source>Open the demo case (built first if need be)</source>
        <translation>Demofall öffnen (wird bei Bedarf zuerst erstellt)</translation>
    </message>
    <message>
        <source>Clos&amp;e Case</source>
        <translation>Fall schli&amp;eßen</translation>
    </message>
    <message>
        <source>Close this case (the window then offers new, open and recent cases)</source>
        <translation>Diesen Fall schließen (das Fenster bietet dann neue, vorhandene und zuletzt geöffnete Fälle an)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>&amp;Find in Document…</source>
        <translation>Im Dokument &amp;suchen…</translation>
    </message>
    <message>
        <source>&amp;Search the Case…</source>
        <translation>Fall d&amp;urchsuchen…</translation>
    </message>
    <message>
        <source>Filter &amp;Documents</source>
        <translation>Dokumente &amp;filtern</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>Einstellun&amp;gen…</translation>
    </message>
    <message>
        <source>Author name, OCR languages, reason codes, language</source>
        <translation>Name des Verfassers, OCR-Sprachen, Begründungscodes, Sprache</translation>
    </message>
    <message>
        <source>Open on the &amp;Left</source>
        <translation>&amp;Links öffnen</translation>
    </message>
    <message>
        <source>Open the selected document on the left</source>
        <translation>Das ausgewählte Dokument links öffnen</translation>
    </message>
    <message>
        <source>Open on the &amp;Right</source>
        <translation>&amp;Rechts öffnen</translation>
    </message>
    <message>
        <source>Open the selected document on the right</source>
        <translation>Das ausgewählte Dokument rechts öffnen</translation>
    </message>
    <message>
        <source>&amp;Swap Sides</source>
        <translation>Seiten &amp;tauschen</translation>
    </message>
    <message>
        <source>Swap the left and right documents</source>
        <translation>Linkes und rechtes Dokument tauschen</translation>
    </message>
    <message>
        <source>&amp;Close Document</source>
        <translation>Dokument s&amp;chließen</translation>
    </message>
    <message>
        <source>Switch to the Other &amp;Viewer</source>
        <translation>Zur anderen &amp;Ansicht wechseln</translation>
    </message>
    <message>
        <source>&amp;Linked Scrolling</source>
        <translation>Gekoppelter &amp;Bildlauf</translation>
    </message>
    <message>
        <source>Scroll both documents together</source>
        <translation>Beide Dokumente gemeinsam blättern</translation>
    </message>
    <message>
        <source>Single &amp;Viewer</source>
        <translation>&amp;Einzelansicht</translation>
    </message>
    <message>
        <source>Show one document at a time (small screens)</source>
        <translation>Jeweils ein Dokument zeigen (kleine Bildschirme)</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>Fit &amp;Width</source>
        <translation>&amp;Breite einpassen</translation>
    </message>
    <message>
        <source>Fit &amp;Page</source>
        <translation>&amp;Seite einpassen</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>&amp;Originalgröße</translation>
    </message>
    <message>
        <source>&amp;Rotate View</source>
        <translation>Ansicht &amp;drehen</translation>
    </message>
    <message>
        <source>&amp;Next Page</source>
        <translation>&amp;Nächste Seite</translation>
    </message>
    <message>
        <source>&amp;Previous Page</source>
        <translation>&amp;Vorherige Seite</translation>
    </message>
    <message>
        <source>&amp;Go to Page…</source>
        <translation>Gehe &amp;zu Seite…</translation>
    </message>
    <message>
        <source>Page &amp;Thumbnails</source>
        <translation>Seiten&amp;miniaturen</translation>
    </message>
    <message>
        <source>Show a strip of page thumbnails beside each document</source>
        <translation>Neben jedem Dokument eine Leiste mit Seitenminiaturen zeigen</translation>
    </message>
    <message>
        <source>&amp;Dark Mode</source>
        <translation>&amp;Dunkler Modus</translation>
    </message>
    <message>
        <source>Reset &amp;Layout</source>
        <translation>&amp;Layout zurücksetzen</translation>
    </message>
    <message>
        <source>&amp;Select</source>
        <translation>&amp;Auswählen</translation>
    </message>
    <message>
        <source>Select text; a menu offers tag, redact or note</source>
        <translation>Text auswählen; ein Menü bietet Markieren, Schwärzen oder Notiz an</translation>
    </message>
    <message>
        <source>&amp;Tag</source>
        <translation>&amp;Markieren</translation>
    </message>
    <message>
        <source>Select words to tag an entity (B: drag a box instead)</source>
        <translation>Wörter auswählen, um eine Entität zu markieren (B: stattdessen einen Rahmen ziehen)</translation>
    </message>
    <message>
        <source>&amp;Redact</source>
        <translation>&amp;Schwärzen</translation>
    </message>
    <message>
        <source>Select words to propose a redaction (B: drag a box instead)</source>
        <translation>Wörter auswählen, um eine Schwärzung vorzuschlagen (B: stattdessen einen Rahmen ziehen)</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Notiz</translation>
    </message>
    <message>
        <source>Drag a box to add a note on a region</source>
        <translation>Einen Rahmen ziehen, um eine Notiz zu einem Bereich hinzuzufügen</translation>
    </message>
    <message>
        <source>Select by &amp;Box</source>
        <translation>Mit &amp;Rahmen auswählen</translation>
    </message>
    <message>
        <source>Drag a box instead of selecting words (for scans and figures)</source>
        <translation>Einen Rahmen ziehen statt Wörter auszuwählen (für Scans und Abbildungen)</translation>
    </message>
    <message>
        <source>T&amp;ag Selection…</source>
        <translation>Auswahl m&amp;arkieren…</translation>
    </message>
    <message>
        <source>Tag the selected words, or the current find hit, as an entity</source>
        <translation>Die ausgewählten Wörter oder den aktuellen Suchtreffer als Entität markieren</translation>
    </message>
    <message>
        <source>Redact Se&amp;lection…</source>
        <translation>Auswahl sch&amp;wärzen…</translation>
    </message>
    <message>
        <source>Propose a redaction of the selected words, or of the current find hit</source>
        <translation>Eine Schwärzung der ausgewählten Wörter oder des aktuellen Suchtreffers vorschlagen</translation>
    </message>
    <message>
        <source>Note on this &amp;Page…</source>
        <translation>Notiz zu dieser &amp;Seite…</translation>
    </message>
    <message>
        <source>Note on the &amp;Document…</source>
        <translation>Notiz zum &amp;Dokument…</translation>
    </message>
    <message>
        <source>&amp;Guide</source>
        <translation>&amp;Leitfaden</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;Welcome Screen</source>
        <translation>&amp;Willkommensbildschirm</translation>
    </message>
    <message>
        <source>&amp;About Evidence Desk</source>
        <translation>Ü&amp;ber Evidence Desk</translation>
    </message>
    <message>
        <source>&amp;Case</source>
        <translation>&amp;Fall</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Zuletzt &amp;geöffnet</translation>
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
        <source>P&amp;anels</source>
        <translation>Ber&amp;eiche</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Werkzeuge</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>◧ Left</source>
        <translation>◧ Links</translation>
    </message>
    <message>
        <source>Right ◨</source>
        <translation>Rechts ◨</translation>
    </message>
    <message>
        <source>⇄ Swap</source>
        <translation>⇄ Tauschen</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Koppeln</translation>
    </message>
    <message>
        <source>Single</source>
        <translation>Einzeln</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>Breite</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Seite</translation>
    </message>
    <message>
        <source>▭ Box</source>
        <translation>▭ Rahmen</translation>
    </message>
    <message>
        <source>{name} — Evidence Desk</source>
        <translation>{name} — Evidence Desk</translation>
    </message>
    <message>
        <source> [read-only]</source>
        <translation> [nur lesen]</translation>
    </message>
    <message>
        <source>Tool: select (text)</source>
        <translation>Werkzeug: auswählen (Text)</translation>
    </message>
    <message>
        <source>Go to page</source>
        <translation>Gehe zu Seite</translation>
    </message>
    <message>
        <source>Page:</source>
        <translation>Seite:</translation>
    </message>
    <message>
        <source>left</source>
        <translation>links</translation>
    </message>
    <message>
        <source>right</source>
        <translation>rechts</translation>
    </message>
    <message>
        <source>No document</source>
        <translation>Kein Dokument</translation>
    </message>
    <message>
        <source>{side}: {title} · p. {page}</source>
        <translation>{side}: {title} · S. {page}</translation>
    </message>
    <message>
        <source>{title}: cancelled</source>
        <translation>{title}: abgebrochen</translation>
    </message>
    <message>
        <source>Import files</source>
        <translation>Dateien importieren</translation>
    </message>
    <message>
        <source>Documents (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.webp *.bmp *.gif);;All files (*)</source>
        <translation>Dokumente (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.webp *.bmp *.gif);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Import a folder</source>
        <translation>Ordner importieren</translation>
    </message>
    <message>
        <source>Open a document first: failed redactions are fixed one document at a time.</source>
        <translation>Öffnen Sie zuerst ein Dokument: Fehlgeschlagene Schwärzungen werden Dokument für Dokument behoben.</translation>
    </message>
    <message>
        <source>Redact failed redactions</source>
        <translation>Fehlgeschlagene Schwärzungen schwärzen</translation>
    </message>
    <message>
        <source>This document has no failed redactions (no box over text that can be extracted).</source>
        <translation>Dieses Dokument hat keine fehlgeschlagenen Schwärzungen (kein Balken über auslesbarem Text).</translation>
    </message>
</context>
<context>
    <name>MentionsTab</name>
    <message>
        <source>Entity</source>
        <translation>Entität</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>Zitat</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Seite</translation>
    </message>
    <message>
        <source>Press T and drag a box (or select text) in a viewer to tag an entity.</source>
        <translation>Drücken Sie T und ziehen Sie einen Rahmen (oder markieren Sie Text), um eine Entität zu markieren.</translation>
    </message>
    <message>
        <source>No document open.</source>
        <translation>Kein Dokument geöffnet.</translation>
    </message>
    <message>
        <source>(region)</source>
        <translation>(Bereich)</translation>
    </message>
    <message numerus="yes">
        <source>%n mention(s)</source>
        <translation>
            <numerusform>%n Erwähnung</numerusform>
            <numerusform>%n Erwähnungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>of %n entity(s)</source>
        <translation>
            <numerusform>von %n Entität</numerusform>
            <numerusform>von %n Entitäten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove %n tag(s)</source>
        <translation>
            <numerusform>%n Markierung entfernen</numerusform>
            <numerusform>%n Markierungen entfernen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <source>This &amp;region</source>
        <translation>Dieser &amp;Bereich</translation>
    </message>
    <message>
        <source>This &amp;page</source>
        <translation>Diese &amp;Seite</translation>
    </message>
    <message>
        <source>The whole &amp;document</source>
        <translation>Das ganze &amp;Dokument</translation>
    </message>
    <message>
        <source>Add a note</source>
        <translation>Notiz hinzufügen</translation>
    </message>
    <message>
        <source>What should a colleague know here? (Ctrl+Enter adds the note)</source>
        <translation>Was sollte eine Kollegin oder ein Kollege hier wissen? (Strg+Eingabe fügt die Notiz hinzu)</translation>
    </message>
    <message>
        <source>Note text</source>
        <translation>Notiztext</translation>
    </message>
    <message>
        <source>&amp;Add note</source>
        <translation>Notiz &amp;hinzufügen</translation>
    </message>
</context>
<context>
    <name>NotesTab</name>
    <message>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Verfasser</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Page note…</source>
        <translation>Seitennotiz…</translation>
    </message>
    <message>
        <source>Document note…</source>
        <translation>Dokumentnotiz…</translation>
    </message>
    <message>
        <source>Add a note on the page shown</source>
        <translation>Notiz zur angezeigten Seite hinzufügen</translation>
    </message>
    <message>
        <source>Add a note on the whole document</source>
        <translation>Notiz zum ganzen Dokument hinzufügen</translation>
    </message>
    <message>
        <source>document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <source>p. {page}</source>
        <translation>S. {page}</translation>
    </message>
    <message>
        <source>(region)</source>
        <translation>(Bereich)</translation>
    </message>
    <message>
        <source>Delete note</source>
        <translation>Notiz löschen</translation>
    </message>
</context>
<context>
    <name>OccurrenceSearch</name>
    <message>
        <source>Finding every occurrence of “{text}”</source>
        <translation>Suche jedes Vorkommen von „{text}“</translation>
    </message>
    <message>
        <source>Redact every occurrence of “{text}”</source>
        <translation>Jedes Vorkommen von „{text}“ schwärzen</translation>
    </message>
    <message>
        <source>Redact every occurrence</source>
        <translation>Jedes Vorkommen schwärzen</translation>
    </message>
    <message>
        <source>Text to redact everywhere:</source>
        <translation>Überall zu schwärzender Text:</translation>
    </message>
</context>
<context>
    <name>OcrDialog</name>
    <message>
        <source>OCR</source>
        <translation>Texterkennung (OCR)</translation>
    </message>
    <message>
        <source>OCR languages</source>
        <translation>OCR-Sprachen</translation>
    </message>
    <message>
        <source>Read &amp;every page again, replacing its text (otherwise only pages without usable text)</source>
        <translation>&amp;Jede Seite neu erkennen und ihren Text ersetzen (sonst nur Seiten ohne brauchbaren Text)</translation>
    </message>
    <message>
        <source>Asking Tesseract for its languages…</source>
        <translation>Tesseract wird nach seinen Sprachen gefragt…</translation>
    </message>
    <message>
        <source>&amp;Start OCR</source>
        <translation>OCR &amp;starten</translation>
    </message>
    <message>
        <source>&amp;Languages</source>
        <translation>&amp;Sprachen</translation>
    </message>
    <message>
        <source>{n} languages installed.</source>
        <translation>{n} Sprachen installiert.</translation>
    </message>
    <message>
        <source>OCR is not available: {why}</source>
        <translation>OCR ist nicht verfügbar: {why}</translation>
    </message>
    <message>
        <source>Choose at least one language.</source>
        <translation>Wählen Sie mindestens eine Sprache.</translation>
    </message>
    <message>
        <source>OCR ({langs})</source>
        <translation>OCR ({langs})</translation>
    </message>
    <message>
        <source>OCR: {done} of {total} pages read</source>
        <translation>OCR: {done} von {total} Seiten erkannt</translation>
    </message>
    <message>
        <source>(mean confidence {c:.0f})</source>
        <translation>(mittlere Sicherheit {c:.0f})</translation>
    </message>
    <message>
        <source>{n} failed</source>
        <translation>{n} fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>OcrResumeOffer</name>
    <message numerus="yes">
        <source>Resume OCR (%n page(s))</source>
        <translation>
            <numerusform>OCR fortsetzen (%n Seite)</numerusform>
            <numerusform>OCR fortsetzen (%n Seiten)</numerusform>
        </translation>
    </message>
    <message>
        <source>OCR was interrupted before it finished; run the remaining pages now</source>
        <translation>Die Texterkennung wurde vor dem Ende unterbrochen; die restlichen Seiten jetzt erkennen</translation>
    </message>
    <message>
        <source>Resuming interrupted OCR</source>
        <translation>Unterbrochene Texterkennung wird fortgesetzt</translation>
    </message>
</context>
<context>
    <name>PageItem</name>
    <message>
        <source>Page {page} cannot be shown</source>
        <translation>Seite {page} kann nicht angezeigt werden</translation>
    </message>
</context>
<context>
    <name>Panels</name>
    <message>
        <source>Details</source>
        <translation>Angaben</translation>
    </message>
    <message>
        <source>Mentions</source>
        <translation>Erwähnungen</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Provenance</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <source>Redactions</source>
        <translation>Schwärzungen</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>Verknüpfungen</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>Entität</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Zeitleiste</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Fall</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Encrypted case</source>
        <translation>Verschlüsselter Fall</translation>
    </message>
    <message>
        <source>The case “%1” is encrypted. Enter its passphrase:</source>
        <translation>Der Fall „%1“ ist verschlüsselt. Geben Sie seine Passphrase ein:</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Checking the passphrase…</source>
        <translation>Passphrase wird geprüft…</translation>
    </message>
    <message>
        <source>Wrong passphrase. Try again.</source>
        <translation>Falsche Passphrase. Bitte erneut versuchen.</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Password-protected PDF</source>
        <translation>Passwortgeschütztes PDF</translation>
    </message>
    <message>
        <source>The password was wrong. Enter the password of {name}:</source>
        <translation>Das Passwort war falsch. Geben Sie das Passwort von {name} ein:</translation>
    </message>
    <message>
        <source>{name} is password-protected. Enter its password to import it:</source>
        <translation>{name} ist passwortgeschützt. Geben Sie das Passwort ein, um es zu importieren:</translation>
    </message>
    <message>
        <source>The password is used for this import only and is not stored.</source>
        <translation>Das Passwort wird nur für diesen Import verwendet und nicht gespeichert.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
</context>
<context>
    <name>ProvenanceDialog</name>
    <message>
        <source>Provenance of {name}</source>
        <translation>Herkunft von {name}</translation>
    </message>
    <message>
        <source>code name, e.g. SOURCE-KESTREL (never the identity)</source>
        <translation>Deckname, z. B. SOURCE-KESTREL (nie die Identität)</translation>
    </message>
    <message>
        <source>YYYY-MM-DD or YYYY-MM-DDTHH:MM</source>
        <translation>JJJJ-MM-TT oder JJJJ-MM-TTThh:mm</translation>
    </message>
    <message>
        <source>how it came: in person, Signal, post, SecureDrop…</source>
        <translation>wie es kam: persönlich, Signal, Post, SecureDrop…</translation>
    </message>
    <message>
        <source>— not given</source>
        <translation>— nicht angegeben</translation>
    </message>
    <message>
        <source>why the status is what it is</source>
        <translation>warum der Status so lautet</translation>
    </message>
    <message>
        <source>to or from whom</source>
        <translation>an oder von wem</translation>
    </message>
    <message>
        <source>what happened, e.g. copied to the encrypted archive</source>
        <translation>was geschah, z. B. ins verschlüsselte Archiv kopiert</translation>
    </message>
    <message>
        <source>Source and receipt</source>
        <translation>Quelle und Eingang</translation>
    </message>
    <message>
        <source>&amp;Source</source>
        <translation>&amp;Quelle</translation>
    </message>
    <message>
        <source>&amp;Received on</source>
        <translation>&amp;Eingegangen am</translation>
    </message>
    <message>
        <source>Received &amp;by</source>
        <translation>Entgegengenommen &amp;von</translation>
    </message>
    <message>
        <source>&amp;Method</source>
        <translation>&amp;Weg</translation>
    </message>
    <message>
        <source>&amp;Verification</source>
        <translation>&amp;Verifizierung</translation>
    </message>
    <message>
        <source>&amp;Confidence</source>
        <translation>&amp;Zuverlässigkeit</translation>
    </message>
    <message>
        <source>Reas&amp;oning</source>
        <translation>Be&amp;gründung</translation>
    </message>
    <message>
        <source>No&amp;tes</source>
        <translation>No&amp;tizen</translation>
    </message>
    <message>
        <source>Add a custody event (optional)</source>
        <translation>Verwahrungsereignis hinzufügen (optional)</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Art</translation>
    </message>
    <message>
        <source>Co&amp;unterpart</source>
        <translation>&amp;Gegenseite</translation>
    </message>
    <message>
        <source>&amp;What happened</source>
        <translation>&amp;Was geschah</translation>
    </message>
    <message>
        <source>&amp;Record</source>
        <translation>&amp;Erfassen</translation>
    </message>
    <message>
        <source>A recorded source or date cannot be emptied here; correct it instead.</source>
        <translation>Eine erfasste Quelle oder ein erfasstes Datum kann hier nicht geleert werden; korrigieren Sie es stattdessen.</translation>
    </message>
</context>
<context>
    <name>ProvenanceTab</name>
    <message>
        <source>&amp;Edit Provenance…</source>
        <translation>Herkunft &amp;bearbeiten…</translation>
    </message>
    <message>
        <source>Add Custody &amp;Event…</source>
        <translation>Verwahrungs&amp;ereignis hinzufügen…</translation>
    </message>
    <message>
        <source>No document open.</source>
        <translation>Kein Dokument geöffnet.</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>— not recorded</source>
        <translation>— nicht erfasst</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Eingegangen</translation>
    </message>
    <message>
        <source>Received by</source>
        <translation>Entgegengenommen von</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Weg</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>Verifizierung</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Zuverlässigkeit</translation>
    </message>
    <message>
        <source>Reasoning</source>
        <translation>Begründung</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importiert</translation>
    </message>
    <message>
        <source>{at} by {who}</source>
        <translation>{at} von {who}</translation>
    </message>
</context>
<context>
    <name>ReadOnly</name>
    <message>
        <source>Read-only: {why}. Tagging, redaction, notes, import and undo are switched off.</source>
        <translation>Nur lesen: {why}. Markieren, Schwärzen, Notizen, Import und Rückgängig sind abgeschaltet.</translation>
    </message>
    <message>
        <source>Read-only case</source>
        <translation>Fall nur zum Lesen</translation>
    </message>
    <message>
        <source>Not available: the case is open read-only</source>
        <translation>Nicht verfügbar: Der Fall ist nur zum Lesen geöffnet</translation>
    </message>
</context>
<context>
    <name>ReasonCodesEditor</name>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>Bedeutung</translation>
    </message>
    <message>
        <source>Your reason codes</source>
        <translation>Ihre Begründungscodes</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Row {row}: a reason code is 1–32 letters, digits, “-” or “_”.</source>
        <translation>Zeile {row}: Ein Begründungscode besteht aus 1–32 Buchstaben, Ziffern, „-“ oder „_“.</translation>
    </message>
    <message>
        <source>The reason code “{code}” is listed twice.</source>
        <translation>Der Begründungscode „{code}“ steht zweimal in der Liste.</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Propose a redaction</source>
        <translation>Schwärzung vorschlagen</translation>
    </message>
    <message>
        <source>Optional: why, for the reviewer</source>
        <translation>Optional: warum, für die Prüfung</translation>
    </message>
    <message>
        <source>new code, e.g. source_identity</source>
        <translation>neuer Code, z. B. source_identity</translation>
    </message>
    <message>
        <source>what it means</source>
        <translation>was er bedeutet</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Redact</source>
        <translation>Schwärzen</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Begründung</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>New reason</source>
        <translation>Neue Begründung</translation>
    </message>
    <message>
        <source>Propose</source>
        <translation>Vorschlagen</translation>
    </message>
    <message>
        <source>The redaction is proposed; a reviewer approves or rejects it. Export applies every redaction that was not rejected.</source>
        <translation>Die Schwärzung wird vorgeschlagen; eine prüfende Person genehmigt oder verwirft sie. Der Export wendet jede nicht abgelehnte Schwärzung an.</translation>
    </message>
    <message>
        <source>Reason code</source>
        <translation>Begründungscode</translation>
    </message>
</context>
<context>
    <name>RedactionPreviewDialog</name>
    <message>
        <source>Redact every occurrence</source>
        <translation>Jedes Vorkommen schwärzen</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n Treffer</numerusform>
            <numerusform>%n Treffer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n document(s).</source>
        <translation>
            <numerusform>in %n Dokument.</numerusform>
            <numerusform>in %n Dokumenten.</numerusform>
        </translation>
    </message>
    <message>
        <source>Untick what must stay visible; nothing is marked until you confirm.</source>
        <translation>Entfernen Sie das Häkchen bei allem, was sichtbar bleiben muss; nichts wird markiert, bevor Sie bestätigen.</translation>
    </message>
    <message>
        <source>optional note kept with each redaction</source>
        <translation>optionale Notiz zu jeder Schwärzung</translation>
    </message>
    <message>
        <source>Record as approved (otherwise proposed for review)</source>
        <translation>Als genehmigt erfassen (sonst zur Prüfung vorgeschlagen)</translation>
    </message>
    <message>
        <source>Redact selected</source>
        <translation>Ausgewählte schwärzen</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Begründung</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Redact every occurrence of the entity “{query}”</source>
        <translation>Jedes Vorkommen der Entität „{query}“ schwärzen</translation>
    </message>
    <message>
        <source>Redact every occurrence of the pattern “{query}”</source>
        <translation>Jedes Vorkommen des Musters „{query}“ schwärzen</translation>
    </message>
    <message>
        <source>Redact every occurrence of the text “{query}”</source>
        <translation>Jedes Vorkommen des Textes „{query}“ schwärzen</translation>
    </message>
    <message>
        <source>{file} — page {page}</source>
        <translation>{file} — Seite {page}</translation>
    </message>
</context>
<context>
    <name>RedactionsTab</name>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Seite</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Begründung</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Verfasser</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Genehmigen</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Ablehnen</translation>
    </message>
    <message>
        <source>(region)</source>
        <translation>(Bereich)</translation>
    </message>
    <message numerus="yes">
        <source>%n box(es)</source>
        <translation>
            <numerusform>%n Balken</numerusform>
            <numerusform>%n Balken</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n proposed</source>
        <translation>
            <numerusform>%n vorgeschlagen</numerusform>
            <numerusform>%n vorgeschlagen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScopeSwitch</name>
    <message>
        <source>This page</source>
        <translation>Diese Seite</translation>
    </message>
    <message>
        <source>Whole document</source>
        <translation>Ganzes Dokument</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search text in all documents (words, &quot;phrases&quot;, prefix*, -not)</source>
        <translation>Text in allen Dokumenten suchen (Wörter, &quot;Phrasen&quot;, Anfang*, -nicht)</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Suche läuft…</translation>
    </message>
    <message>
        <source>p. {page}: {snippet}</source>
        <translation>S. {page}: {snippet}</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n Seite</numerusform>
            <numerusform>%n Seiten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n document(s)</source>
        <translation>
            <numerusform>in %n Dokument</numerusform>
            <numerusform>in %n Dokumenten</numerusform>
        </translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Keine Treffer</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>Creating the encrypted case {path}…</source>
        <translation>Der verschlüsselte Fall {path} wird angelegt…</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Default: {name}</source>
        <translation>Vorgabe: {name}</translation>
    </message>
    <message>
        <source>Author name</source>
        <translation>Name des Verfassers</translation>
    </message>
    <message>
        <source>Default OCR languages</source>
        <translation>Standard-OCR-Sprachen</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <source>Idle lock</source>
        <translation>Sperre bei Inaktivität</translation>
    </message>
    <message>
        <source>Publication: redacted files only, no source identities</source>
        <translation>Veröffentlichung: nur geschwärzte Dateien, keine Quellenidentitäten</translation>
    </message>
    <message>
        <source>Internal: with the originals, for the team</source>
        <translation>Intern: mit den Originalen, für das Team</translation>
    </message>
    <message>
        <source>Default export profile</source>
        <translation>Standard-Exportprofil</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>Sprache der Oberfläche</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Colour scheme</source>
        <translation>Farbschema</translation>
    </message>
    <message>
        <source>&amp;Author name:</source>
        <translation>Name des &amp;Verfassers:</translation>
    </message>
    <message>
        <source>Signs your notes, redactions and every entry of the audit log.</source>
        <translation>Zeichnet Ihre Notizen, Schwärzungen und jeden Eintrag im Prüfprotokoll.</translation>
    </message>
    <message>
        <source>&amp;OCR languages:</source>
        <translation>&amp;OCR-Sprachen:</translation>
    </message>
    <message>
        <source>&amp;Reason codes:</source>
        <translation>&amp;Begründungscodes:</translation>
    </message>
    <message>
        <source>Your own redaction reasons, added to each case you open, besides the built-in ones.</source>
        <translation>Ihre eigenen Schwärzungsgründe, die neben den eingebauten jedem geöffneten Fall hinzugefügt werden.</translation>
    </message>
    <message>
        <source>&amp;Idle lock:</source>
        <translation>&amp;Sperre bei Inaktivität:</translation>
    </message>
    <message>
        <source>&amp;Export profile:</source>
        <translation>&amp;Exportprofil:</translation>
    </message>
    <message>
        <source>Interface &amp;language:</source>
        <translation>Sprache der &amp;Oberfläche:</translation>
    </message>
    <message>
        <source>A new language applies when Evidence Desk starts again.</source>
        <translation>Eine neue Sprache gilt ab dem nächsten Start von Evidence Desk.</translation>
    </message>
    <message>
        <source>&amp;Colours:</source>
        <translation>&amp;Farben:</translation>
    </message>
    <message>
        <source>Stored in {path}</source>
        <translation>Gespeichert in {path}</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>OCR languages are Tesseract codes joined by “+”, e.g. rus+eng+deu.</source>
        <translation>OCR-Sprachen sind Tesseract-Codes, verbunden mit „+“, z. B. rus+eng+deu.</translation>
    </message>
    <message>
        <source>Tesseract is not installed: scans cannot be read until it is.</source>
        <translation>Tesseract ist nicht installiert: Scans können erst danach gelesen werden.</translation>
    </message>
    <message>
        <source>Installed: {languages}</source>
        <translation>Installiert: {languages}</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Filter by command or key</source>
        <translation>Nach Befehl oder Taste filtern</translation>
    </message>
    <message>
        <source>Filter the shortcuts</source>
        <translation>Tastenkürzel filtern</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menü</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Tastenkürzel</translation>
    </message>
</context>
<context>
    <name>SplitDialog</name>
    <message>
        <source>Split “{name}”</source>
        <translation>„{name}“ aufteilen</translation>
    </message>
    <message>
        <source>the new entity&apos;s name</source>
        <translation>Name der neuen Entität</translation>
    </message>
    <message>
        <source>{file} — p. {page}: {quote}</source>
        <translation>{file} — S. {page}: {quote}</translation>
    </message>
    <message>
        <source>(region)</source>
        <translation>(Bereich)</translation>
    </message>
    <message>
        <source>&amp;New name</source>
        <translation>&amp;Neuer Name</translation>
    </message>
    <message>
        <source>T&amp;ype</source>
        <translation>T&amp;yp</translation>
    </message>
    <message>
        <source>Mentions that name the new entity:</source>
        <translation>Erwähnungen, die die neue Entität nennen:</translation>
    </message>
    <message>
        <source>Aliases that belong to the new entity:</source>
        <translation>Aliasse, die zur neuen Entität gehören:</translation>
    </message>
    <message>
        <source>&amp;Split</source>
        <translation>&amp;Aufteilen</translation>
    </message>
    <message>
        <source>Give the new entity a name.</source>
        <translation>Geben Sie der neuen Entität einen Namen.</translation>
    </message>
    <message>
        <source>Choose the mentions or aliases the new entity takes.</source>
        <translation>Wählen Sie die Erwähnungen oder Aliasse, die die neue Entität übernimmt.</translation>
    </message>
</context>
<context>
    <name>SuggestionReview</name>
    <message>
        <source>Review Suggestions</source>
        <translation>Vorschläge prüfen</translation>
    </message>
    <message>
        <source>&amp;This document</source>
        <translation>&amp;Dieses Dokument</translation>
    </message>
    <message>
        <source>The whole &amp;case</source>
        <translation>Der ganze &amp;Fall</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Alle Arten</translation>
    </message>
    <message>
        <source>known entities</source>
        <translation>bekannte Entitäten</translation>
    </message>
    <message>
        <source>new names</source>
        <translation>neue Namen</translation>
    </message>
    <message>
        <source>dates</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>amounts</source>
        <translation>Beträge</translation>
    </message>
    <message>
        <source>reference numbers</source>
        <translation>Aktenzeichen</translation>
    </message>
    <message>
        <source>document details</source>
        <translation>Dokumentangaben</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Art</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Seite</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Entity or field</source>
        <translation>Entität oder Feld</translation>
    </message>
    <message>
        <source>Words</source>
        <translation>Wörter</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>Vorschläge</translation>
    </message>
    <message>
        <source>&amp;Accept Selected</source>
        <translation>Ausgewählte &amp;annehmen</translation>
    </message>
    <message>
        <source>&amp;Reject Selected</source>
        <translation>Ausgewählte a&amp;blehnen</translation>
    </message>
    <message>
        <source>Accept A&amp;ll Shown</source>
        <translation>A&amp;lle angezeigten annehmen</translation>
    </message>
    <message>
        <source>Reject All S&amp;hown</source>
        <translation>Alle angezeigten ableh&amp;nen</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>Schl&amp;ießen</translation>
    </message>
    <message numerus="yes">
        <source>%n pending</source>
        <translation>
            <numerusform>%n offen</numerusform>
            <numerusform>%n offen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TeamRefresh</name>
    <message>
        <source>{authors} changed the case</source>
        <translation>{authors} hat den Fall geändert</translation>
    </message>
    <message>
        <source>{author} {changes}</source>
        <translation>{author}: {changes}</translation>
    </message>
    <message numerus="yes">
        <source>tagged %n page(s)</source>
        <translation>
            <numerusform>%n Seite markiert</numerusform>
            <numerusform>%n Seiten markiert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>added %n note(s)</source>
        <translation>
            <numerusform>%n Notiz hinzugefügt</numerusform>
            <numerusform>%n Notizen hinzugefügt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>redacted %n page(s)</source>
        <translation>
            <numerusform>%n Seite geschwärzt</numerusform>
            <numerusform>%n Seiten geschwärzt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>reviewed %n mark(s)</source>
        <translation>
            <numerusform>%n Markierung geprüft</numerusform>
            <numerusform>%n Markierungen geprüft</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>edited %n entity(s)</source>
        <translation>
            <numerusform>%n Entität bearbeitet</numerusform>
            <numerusform>%n Entitäten bearbeitet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>undid %n change(s)</source>
        <translation>
            <numerusform>%n Änderung rückgängig gemacht</numerusform>
            <numerusform>%n Änderungen rückgängig gemacht</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>redid %n change(s)</source>
        <translation>
            <numerusform>%n Änderung wiederhergestellt</numerusform>
            <numerusform>%n Änderungen wiederhergestellt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>imported %n document(s)</source>
        <translation>
            <numerusform>%n Dokument importiert</numerusform>
            <numerusform>%n Dokumente importiert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>read %n page(s) with OCR</source>
        <translation>
            <numerusform>%n Seite per OCR gelesen</numerusform>
            <numerusform>%n Seiten per OCR gelesen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>made %n change(s)</source>
        <translation>
            <numerusform>%n Änderung vorgenommen</numerusform>
            <numerusform>%n Änderungen vorgenommen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Terms</name>
    <message>
        <source>letter</source>
        <translation>Brief</translation>
    </message>
    <message>
        <source>diplomatic note</source>
        <translation>Verbalnote</translation>
    </message>
    <message>
        <source>invoice</source>
        <translation>Rechnung</translation>
    </message>
    <message>
        <source>contract</source>
        <translation>Vertrag</translation>
    </message>
    <message>
        <source>export permit</source>
        <translation>Ausfuhrgenehmigung</translation>
    </message>
    <message>
        <source>end-user certificate</source>
        <translation>Endverbleibserklärung</translation>
    </message>
    <message>
        <source>report</source>
        <translation>Bericht</translation>
    </message>
    <message>
        <source>other</source>
        <translation>Sonstiges</translation>
    </message>
    <message>
        <source>new</source>
        <translation>neu</translation>
    </message>
    <message>
        <source>in review</source>
        <translation>in Prüfung</translation>
    </message>
    <message>
        <source>reviewed</source>
        <translation>geprüft</translation>
    </message>
    <message>
        <source>flagged</source>
        <translation>markiert</translation>
    </message>
    <message>
        <source>person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>state body</source>
        <translation>Behörde</translation>
    </message>
    <message>
        <source>place</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>equipment</source>
        <translation>Ausrüstung</translation>
    </message>
    <message>
        <source>permit</source>
        <translation>Genehmigung</translation>
    </message>
    <message>
        <source>bank account</source>
        <translation>Bankkonto</translation>
    </message>
    <message>
        <source>amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>reference</source>
        <translation>Aktenzeichen</translation>
    </message>
    <message>
        <source>proposed</source>
        <translation>vorgeschlagen</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>genehmigt</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <source>suggested</source>
        <translation>erkannt</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>angenommen</translation>
    </message>
    <message>
        <source>cites</source>
        <translation>zitiert</translation>
    </message>
    <message>
        <source>replies to</source>
        <translation>antwortet auf</translation>
    </message>
    <message>
        <source>pays for</source>
        <translation>bezahlt</translation>
    </message>
    <message>
        <source>ships under</source>
        <translation>liefert gemäß</translation>
    </message>
    <message>
        <source>supplies</source>
        <translation>liefert an</translation>
    </message>
    <message>
        <source>pays</source>
        <translation>zahlt an</translation>
    </message>
    <message>
        <source>signs for</source>
        <translation>zeichnet für</translation>
    </message>
    <message>
        <source>unverified</source>
        <translation>ungeprüft</translation>
    </message>
    <message>
        <source>corroborated</source>
        <translation>bestätigt</translation>
    </message>
    <message>
        <source>authenticated</source>
        <translation>authentifiziert</translation>
    </message>
    <message>
        <source>disputed</source>
        <translation>bestritten</translation>
    </message>
    <message>
        <source>received</source>
        <translation>erhalten</translation>
    </message>
    <message>
        <source>copied</source>
        <translation>kopiert</translation>
    </message>
    <message>
        <source>transferred</source>
        <translation>übergeben</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>geprüft</translation>
    </message>
    <message>
        <source>disclosed</source>
        <translation>offengelegt</translation>
    </message>
    <message>
        <source>publication</source>
        <translation>Veröffentlichung</translation>
    </message>
    <message>
        <source>internal</source>
        <translation>intern</translation>
    </message>
</context>
<context>
    <name>ThumbnailModel</name>
    <message>
        <source>Page {page}</source>
        <translation>Seite {page}</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <source>Date in text</source>
        <translation>Datum im Text</translation>
    </message>
    <message>
        <source>Custody</source>
        <translation>Verwahrung</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Einzelheiten</translation>
    </message>
    <message>
        <source>Entity:</source>
        <translation>Entität:</translation>
    </message>
    <message>
        <source>All entities</source>
        <translation>Alle Entitäten</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n Ereignis</numerusform>
            <numerusform>%n Ereignisse</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n document(s)</source>
        <translation>
            <numerusform>in %n Dokument</numerusform>
            <numerusform>in %n Dokumenten</numerusform>
        </translation>
    </message>
    <message>
        <source>No dated documents or events yet.</source>
        <translation>Noch keine datierten Dokumente oder Ereignisse.</translation>
    </message>
</context>
<context>
    <name>ToolController</name>
    <message>
        <source>The case is open read-only: it cannot be changed from this window</source>
        <translation>Der Fall ist nur zum Lesen geöffnet: Er kann in diesem Fenster nicht geändert werden</translation>
    </message>
    <message>
        <source>Tool: select (text)</source>
        <translation>Werkzeug: auswählen (Text)</translation>
    </message>
    <message>
        <source>Tool: select (box)</source>
        <translation>Werkzeug: auswählen (Rahmen)</translation>
    </message>
    <message>
        <source>Tool: tag (text)</source>
        <translation>Werkzeug: markieren (Text)</translation>
    </message>
    <message>
        <source>Tool: tag (box)</source>
        <translation>Werkzeug: markieren (Rahmen)</translation>
    </message>
    <message>
        <source>Tool: redact (text)</source>
        <translation>Werkzeug: schwärzen (Text)</translation>
    </message>
    <message>
        <source>Tool: redact (box)</source>
        <translation>Werkzeug: schwärzen (Rahmen)</translation>
    </message>
    <message>
        <source>Tool: note (text)</source>
        <translation>Werkzeug: Notiz (Text)</translation>
    </message>
    <message>
        <source>Tool: note (box)</source>
        <translation>Werkzeug: Notiz (Rahmen)</translation>
    </message>
    <message>
        <source>Select words first (drag, or find them with Ctrl+F and Enter)</source>
        <translation>Wählen Sie zuerst Wörter aus (ziehen oder mit Strg+F und Eingabe suchen)</translation>
    </message>
    <message>
        <source>&amp;Tag an entity…</source>
        <translation>Entität &amp;markieren…</translation>
    </message>
    <message>
        <source>Propose a &amp;redaction…</source>
        <translation>&amp;Schwärzung vorschlagen…</translation>
    </message>
    <message>
        <source>Add a &amp;note…</source>
        <translation>&amp;Notiz hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Copy text</source>
        <translation>Text &amp;kopieren</translation>
    </message>
    <message>
        <source>{what}: done</source>
        <translation>{what}: erledigt</translation>
    </message>
</context>
<context>
    <name>UndoController</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>internal error ({kind}: {exc})</source>
        <translation>interner Fehler ({kind}: {exc})</translation>
    </message>
</context>
<context>
    <name>VerificationReport</name>
    <message>
        <source>No removed text anywhere in the file: page text, objects, strings, names, fonts and streams, checked with PyMuPDF and {parser} ({secrets} strings, as ASCII, hex, UTF-16 and PDFDocEncoding, look-alike letters folded)</source>
        <translation>Kein entfernter Text irgendwo in der Datei: Seitentext, Objekte, Zeichenketten, Namen, Schriften und Streams, geprüft mit PyMuPDF und {parser} ({secrets} Zeichenketten, als ASCII, Hex, UTF-16 und PDFDocEncoding, ähnlich aussehende Buchstaben angeglichen)</translation>
    </message>
    <message>
        <source>Every glyph outside the boxes is still on its line, in order</source>
        <translation>Jede Glyphe außerhalb der Kästen steht noch auf ihrer Zeile, in ihrer Reihenfolge</translation>
    </message>
    <message>
        <source>Every glyph outside the boxes is still on its line, in order, at its place</source>
        <translation>Jede Glyphe außerhalb der Kästen steht noch auf ihrer Zeile, in ihrer Reihenfolge, an ihrem Platz</translation>
    </message>
    <message>
        <source>No font outline or Type3 procedure that no text uses; {boxes} boxes render solid; no metadata, annotations or attachments; {revisions} revision</source>
        <translation>Keine Schriftkontur und keine Type3-Prozedur, die kein Text benutzt; {boxes} Kästen werden deckend gezeichnet; keine Metadaten, Anmerkungen oder Anhänge; {revisions} Revision</translation>
    </message>
    <message>
        <source>Width hiding: {bars} bar(s) of random width (3–12 em, whatever they replace), {lines} line(s) laid out again; bar/text width {low}–{high}</source>
        <translation>Breiten verborgen: {bars} Balken zufälliger Breite (3–12 em, gleich was sie ersetzen), {lines} Zeile(n) neu gesetzt; Balken-/Textbreite {low}–{high}</translation>
    </message>
    <message>
        <source>Width hiding: on (no line lost text, so no bar was needed)</source>
        <translation>Breiten verbergen: an (keine Zeile hat Text verloren, also war kein Balken nötig)</translation>
    </message>
    <message>
        <source>Width hiding: off (the gaps and boxes show the removed text&apos;s width)</source>
        <translation>Breiten verbergen: aus (Lücken und Kästen zeigen die Breite des entfernten Texts)</translation>
    </message>
    <message>
        <source>Audit chain: {n} entries, every hash linked to the one before</source>
        <translation>Prüfkette: {n} Einträge, jeder Hash mit dem vorigen verknüpft</translation>
    </message>
    <message>
        <source>Audit anchor: {n} entries, matches the chain&apos;s head</source>
        <translation>Prüfanker: {n} Einträge, stimmt mit dem Kopf der Kette überein</translation>
    </message>
    <message>
        <source>Audit log replayed against the records: {entries} entries, {records} records, {unexplained} the log does not explain</source>
        <translation>Prüfprotokoll gegen die Datensätze nachgespielt: {entries} Einträge, {records} Datensätze, {unexplained} vom Protokoll nicht erklärt</translation>
    </message>
    <message>
        <source>Originals: {n} files, each matching its SHA-256</source>
        <translation>Originale: {n} Dateien, jede passend zu ihrem SHA-256</translation>
    </message>
    <message>
        <source>Documents: {n}</source>
        <translation>Dokumente: {n}</translation>
    </message>
    <message>
        <source>Bundle: {members} members, {payload} payload files checked against the manifests ({profile} profile)</source>
        <translation>Paket: {members} Einträge, {payload} Nutzdateien gegen die Manifeste geprüft (Profil {profile})</translation>
    </message>
    <message>
        <source>Signature: valid, key {fp}</source>
        <translation>Signatur: gültig, Schlüssel {fp}</translation>
    </message>
    <message>
        <source>Signature: none (the bundle is not signed)</source>
        <translation>Signatur: keine (das Paket ist nicht signiert)</translation>
    </message>
    <message>
        <source>Redacted PDFs: {n} checked for leaks</source>
        <translation>Geschwärzte PDFs: {n} auf Lecks geprüft</translation>
    </message>
    <message>
        <source>PDF: {pages} pages, {revisions} revision; no metadata, annotations, form fields, attachments, scripts or black boxes over live text</source>
        <translation>PDF: {pages} Seiten, {revisions} Revision; keine Metadaten, Anmerkungen, Formularfelder, Anhänge, Skripte oder schwarzen Kästen über lebendem Text</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>geprüft</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>FEHLGESCHLAGEN</translation>
    </message>
    <message>
        <source>What failed</source>
        <translation>Was fehlschlug</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Warnungen</translation>
    </message>
    <message>
        <source>What was checked</source>
        <translation>Was geprüft wurde</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <source>Verify</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <source>This &amp;case: audit chain and anchor, originals&apos; hashes, database</source>
        <translation>Diesen &amp;Fall: Prüfkette und Anker, Hashes der Originale, Datenbank</translation>
    </message>
    <message>
        <source>An exported &amp;PDF: leak and structure checks</source>
        <translation>Ein exportiertes &amp;PDF: Leck- und Strukturprüfungen</translation>
    </message>
    <message>
        <source>A &amp;bundle: checksums, signature, audit chain, its PDFs</source>
        <translation>Ein &amp;Paket: Prüfsummen, Signatur, Prüfkette, seine PDFs</translation>
    </message>
    <message>
        <source>the file to check</source>
        <translation>die zu prüfende Datei</translation>
    </message>
    <message>
        <source>B&amp;rowse…</source>
        <translation>Du&amp;rchsuchen…</translation>
    </message>
    <message>
        <source>&amp;Verify</source>
        <translation>&amp;Prüfen</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Bundles (*.zip)</source>
        <translation>Pakete (*.zip)</translation>
    </message>
    <message>
        <source>File to verify</source>
        <translation>Zu prüfende Datei</translation>
    </message>
    <message>
        <source>Choose the file to verify.</source>
        <translation>Wählen Sie die zu prüfende Datei.</translation>
    </message>
    <message>
        <source>Verifying the case</source>
        <translation>Fall wird geprüft</translation>
    </message>
    <message>
        <source>Verifying a PDF</source>
        <translation>PDF wird geprüft</translation>
    </message>
    <message>
        <source>Verifying a bundle</source>
        <translation>Paket wird geprüft</translation>
    </message>
    <message>
        <source>Nothing failed.</source>
        <translation>Keine Prüfung fehlgeschlagen.</translation>
    </message>
    <message>
        <source>{n} warning(s).</source>
        <translation>{n} Warnung(en).</translation>
    </message>
    <message>
        <source>{n} problem(s) found: {first}</source>
        <translation>{n} Problem(e) gefunden: {first}</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Geprüft</translation>
    </message>
    <message>
        <source>Verification failed</source>
        <translation>Prüfung fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>Viewer</name>
    <message>
        <source>Failed redaction: the text under this box can still be extracted (“{text}”)</source>
        <translation>Fehlgeschlagene Schwärzung: Der Text unter diesem Balken lässt sich noch auslesen („{text}“)</translation>
    </message>
</context>
<context>
    <name>ViewerSlot</name>
    <message>
        <source>No document</source>
        <translation>Kein Dokument</translation>
    </message>
    <message>
        <source>Close this document</source>
        <translation>Dieses Dokument schließen</translation>
    </message>
    <message>
        <source>Double-click a document in the case browser,
or drag it here, to open it on this side</source>
        <translation>Doppelklicken Sie auf ein Dokument in der Fallübersicht
oder ziehen Sie es hierher, um es auf dieser Seite zu öffnen</translation>
    </message>
    <message>
        <source>page {page}</source>
        <translation>Seite {page}</translation>
    </message>
</context>
<context>
    <name>Welcome</name>
    <message>
        <source>Building the demo case</source>
        <translation>Demofall wird erstellt</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome</source>
        <translation>Willkommen</translation>
    </message>
    <message>
        <source>Welcome to Evidence Desk</source>
        <translation>Willkommen bei Evidence Desk</translation>
    </message>
    <message>
        <source>Read a package of documents side by side, mark who and what each page names, black out what must not leave this computer and hand on a verifiable bundle. Start with one of these:</source>
        <translation>Lesen Sie eine Dokumentensammlung nebeneinander, markieren Sie, wen und was jede Seite nennt, schwärzen Sie, was diesen Computer nicht verlassen darf, und geben Sie ein prüfbares Paket weiter. Beginnen Sie mit einem dieser Schritte:</translation>
    </message>
    <message>
        <source>Open the &amp;Demo Case</source>
        <translation>&amp;Demofall öffnen</translation>
    </message>
    <message>
        <source>Sixteen specimen letters, notes verbales, invoices and permits, already tagged</source>
        <translation>Sechzehn Muster-Briefe, Verbalnoten, Rechnungen und Genehmigungen, bereits markiert</translation>
    </message>
    <message>
        <source>&amp;New Case…</source>
        <translation>&amp;Neuer Fall…</translation>
    </message>
    <message>
        <source>An empty case in a folder you choose</source>
        <translation>Ein leerer Fall in einem Ordner Ihrer Wahl</translation>
    </message>
    <message>
        <source>&amp;Open Case…</source>
        <translation>Fall ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>A case folder made before</source>
        <translation>Ein früher angelegter Fallordner</translation>
    </message>
    <message>
        <source>&amp;Import Files…</source>
        <translation>Dateien &amp;importieren…</translation>
    </message>
    <message>
        <source>Add PDFs and images to the case open now</source>
        <translation>PDFs und Bilder zum geöffneten Fall hinzufügen</translation>
    </message>
    <message>
        <source>Show the &amp;Documents</source>
        <translation>&amp;Dokumente zeigen</translation>
    </message>
    <message>
        <source>Recent cases</source>
        <translation>Zuletzt geöffnete Fälle</translation>
    </message>
    <message>
        <source>What is stored where</source>
        <translation>Was wo gespeichert wird</translation>
    </message>
    <message>
        <source>No other recent cases</source>
        <translation>Keine weiteren zuletzt geöffneten Fälle</translation>
    </message>
    <message>
        <source>This case is the folder {case}: its database (case.sqlite), the imported files exactly as received (originals/) and a cache that can be deleted (cache/). Copy the folder to move the case.
Your settings (author name, OCR languages, reason codes, language) are in {settings}, shared with the command line.
The demo case is built in {demo}.</source>
        <translation>Dieser Fall ist der Ordner {case}: seine Datenbank (case.sqlite), die importierten Dateien genau wie erhalten (originals/) und ein löschbarer Zwischenspeicher (cache/). Kopieren Sie den Ordner, um den Fall umzuziehen.
Ihre Einstellungen (Name des Verfassers, OCR-Sprachen, Begründungscodes, Sprache) liegen in {settings}, gemeinsam mit der Kommandozeile.
Der Demofall wird in {demo} erstellt.</translation>
    </message>
</context>
<context>
    <name>WindowCommands</name>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <source>&amp;Verify…</source>
        <translation>&amp;Prüfen…</translation>
    </message>
    <message>
        <source>&amp;Entities…</source>
        <translation>&amp;Entitäten…</translation>
    </message>
    <message>
        <source>Review &amp;Suggestions…</source>
        <translation>&amp;Vorschläge prüfen…</translation>
    </message>
    <message>
        <source>&amp;Provenance and Custody…</source>
        <translation>&amp;Herkunft und Verwahrung…</translation>
    </message>
    <message>
        <source>&amp;Document</source>
        <translation>&amp;Dokument</translation>
    </message>
    <message>
        <source>&amp;OCR…</source>
        <translation>&amp;Texterkennung (OCR)…</translation>
    </message>
    <message>
        <source>Import &amp;Bundle…</source>
        <translation>&amp;Paket importieren…</translation>
    </message>
    <message>
        <source>Redact Every &amp;Occurrence…</source>
        <translation>&amp;Jedes Vorkommen schwärzen…</translation>
    </message>
    <message>
        <source>Redact &amp;Failed Redactions in This Document…</source>
        <translation>&amp;Fehlgeschlagene Schwärzungen in diesem Dokument schwärzen…</translation>
    </message>
</context>
<context>
    <name>_Worker</name>
    <message>
        <source>internal error ({kind}: {exc})</source>
        <translation>interner Fehler ({kind}: {exc})</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <source>Import a bundle</source>
        <translation>Paket importieren</translation>
    </message>
    <message>
        <source>Bundles (*.zip)</source>
        <translation>Pakete (*.zip)</translation>
    </message>
    <message>
        <source>Open a document first.</source>
        <translation>Öffnen Sie zuerst ein Dokument.</translation>
    </message>
</context>
</TS>
