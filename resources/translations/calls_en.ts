<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>CallsTab</name>
    <message numerus="yes">
        <location filename="../../app/ui/calls/tab.py" line="269"/>
        <source>%Ln call(s) shown, counting the rest…</source>
        <translation><numerusform>%Ln call shown, counting the rest…</numerusform><numerusform>%Ln calls shown, counting the rest…</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/calls/tab.py" line="297"/>
        <source>%Ln call(s)</source>
        <translation>
            <numerusform>%Ln call</numerusform>
            <numerusform>%Ln calls</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/calls/tab.py" line="404"/>
        <source>the numbers of %Ln call(s)</source>
        <translation>
            <numerusform>the numbers of %Ln call</numerusform>
            <numerusform>the numbers of %Ln calls</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ContactChart</name>
    <message numerus="yes">
        <location filename="../../app/ui/calls/contact_chart.py" line="105"/>
        <source>%n other number(s)</source>
        <translation>
            <numerusform>%n other number</numerusform>
            <numerusform>%n other numbers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message numerus="yes">
        <location filename="../../app/ui/calls/findings_panel.py" line="108"/>
        <source>%Ln calls: press Analyze to run the detectors.</source>
        <translation>
            <numerusform>%Ln calls: press Analyze to run the detectors.</numerusform>
            <numerusform>%Ln calls: press Analyze to run the detectors.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/calls/findings_panel.py" line="172"/>
        <source>%n finding(s)</source>
        <translation>
            <numerusform>%n finding</numerusform>
            <numerusform>%n findings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <location filename="../../app/ui/calls/import_dialog.py" line="395"/>
        <source>Read as: %1, %2, %n column(s)</source>
        <translation>
            <numerusform>Read as: %1, %2, %n column</numerusform>
            <numerusform>Read as: %1, %2, %n columns</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NumbersPanel</name>
    <message numerus="yes">
        <location filename="../../app/ui/calls/numbers_panel.py" line="137"/>
        <source>%Ln number(s)</source>
        <translation>
            <numerusform>%Ln number</numerusform>
            <numerusform>%Ln numbers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OrdersImportDialog</name>
    <message numerus="yes">
        <location filename="../../app/ui/calls/orders_dialog.py" line="200"/>
        <source>%n column(s); times in %1</source>
        <translation>
            <numerusform>%n column; times in %1</numerusform>
            <numerusform>%n columns; times in %1</numerusform>
        </translation>
    </message>
</context>
</TS>
