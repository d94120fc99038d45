<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>DetailsTab</name>
    <message numerus="yes">
        <source>{file}
%n page(s), {media}, {size} bytes
SHA-256 {sha}</source>
        <translation>
            <numerusform>{file}
%n page, {media}, {size} bytes
SHA-256 {sha}</numerusform>
            <numerusform>{file}
%n pages, {media}, {size} bytes
SHA-256 {sha}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EntityManager</name>
    <message numerus="yes">
        <source>{name}: {tagged} tagged, {suggested} suggested, in %n document(s)</source>
        <translation>
            <numerusform>{name}: {tagged} tagged, {suggested} suggested, in %n document</numerusform>
            <numerusform>{name}: {tagged} tagged, {suggested} suggested, in %n documents</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EntityView</name>
    <message numerus="yes">
        <source>{name} — {type} · %n mention(s)</source>
        <translation>
            <numerusform>{name} — {type} · %n mention</numerusform>
            <numerusform>{name} — {type} · %n mentions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n document(s)</source>
        <translation>
            <numerusform>in %n document</numerusform>
            <numerusform>in %n documents</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HitText</name>
    <message numerus="yes">
        <source>, %n line(s)</source>
        <translation>
            <numerusform>, %n line</numerusform>
            <numerusform>, %n lines</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LinksPanel</name>
    <message numerus="yes">
        <source>%n link(s); double-click one to open both side by side.</source>
        <translation>
            <numerusform>%n link; double-click it to open both side by side.</numerusform>
            <numerusform>%n links; double-click one to open both side by side.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MentionsTab</name>
    <message numerus="yes">
        <source>%n mention(s)</source>
        <translation>
            <numerusform>%n mention</numerusform>
            <numerusform>%n mentions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>of %n entity(s)</source>
        <translation>
            <numerusform>of %n entity</numerusform>
            <numerusform>of %n entities</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove %n tag(s)</source>
        <translation>
            <numerusform>Remove %n tag</numerusform>
            <numerusform>Remove %n tags</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OcrResumeOffer</name>
    <message numerus="yes">
        <source>Resume OCR (%n page(s))</source>
        <translation>
            <numerusform>Resume OCR (%n page)</numerusform>
            <numerusform>Resume OCR (%n pages)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RedactionPreviewDialog</name>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n match</numerusform>
            <numerusform>%n matches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n document(s).</source>
        <translation>
            <numerusform>in %n document.</numerusform>
            <numerusform>in %n documents.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RedactionsTab</name>
    <message numerus="yes">
        <source>%n box(es)</source>
        <translation>
            <numerusform>%n box</numerusform>
            <numerusform>%n boxes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n proposed</source>
        <translation>
            <numerusform>%n proposed</numerusform>
            <numerusform>%n proposed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n document(s)</source>
        <translation>
            <numerusform>in %n document</numerusform>
            <numerusform>in %n documents</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SuggestionReview</name>
    <message numerus="yes">
        <source>%n pending</source>
        <translation>
            <numerusform>%n pending</numerusform>
            <numerusform>%n pending</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TeamRefresh</name>
    <message numerus="yes">
        <source>tagged %n page(s)</source>
        <translation>
            <numerusform>tagged %n page</numerusform>
            <numerusform>tagged %n pages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>added %n note(s)</source>
        <translation>
            <numerusform>added %n note</numerusform>
            <numerusform>added %n notes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>redacted %n page(s)</source>
        <translation>
            <numerusform>redacted %n page</numerusform>
            <numerusform>redacted %n pages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>reviewed %n mark(s)</source>
        <translation>
            <numerusform>reviewed %n mark</numerusform>
            <numerusform>reviewed %n marks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>edited %n entity(s)</source>
        <translation>
            <numerusform>edited %n entity</numerusform>
            <numerusform>edited %n entities</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>undid %n change(s)</source>
        <translation>
            <numerusform>undid %n change</numerusform>
            <numerusform>undid %n changes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>redid %n change(s)</source>
        <translation>
            <numerusform>redid %n change</numerusform>
            <numerusform>redid %n changes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>imported %n document(s)</source>
        <translation>
            <numerusform>imported %n document</numerusform>
            <numerusform>imported %n documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>read %n page(s) with OCR</source>
        <translation>
            <numerusform>read %n page with OCR</numerusform>
            <numerusform>read %n pages with OCR</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>made %n change(s)</source>
        <translation>
            <numerusform>made %n change</numerusform>
            <numerusform>made %n changes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n document(s)</source>
        <translation>
            <numerusform>in %n document</numerusform>
            <numerusform>in %n documents</numerusform>
        </translation>
    </message>
</context>
</TS>
