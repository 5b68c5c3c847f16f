<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ExportMenu</name>
    <message numerus="yes">
        <location filename="../../app/ui/timeline/export.py" line="131"/>
        <source>Case %1 · %2 – %3 · times in %4 · %n event(s) shown</source>
        <translation>
            <numerusform>Case %1 · %2 – %3 · times in %4 · %n event shown</numerusform>
            <numerusform>Case %1 · %2 – %3 · times in %4 · %n events shown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimelineCanvas</name>
    <message numerus="yes">
        <location filename="../../app/ui/timeline/canvas.py" line="307"/>
        <source>%1: %n event(s) here</source>
        <translation>
            <numerusform>%1: %n event here</numerusform>
            <numerusform>%1: %n events here</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/timeline/canvas.py" line="315"/>
        <source>%n call(s) here</source>
        <translation><numerusform>%n call here</numerusform><numerusform>%n calls here</numerusform></translation>
    </message>
</context>
<context>
    <name>TimelinePanel</name>
    <message numerus="yes">
        <location filename="../../app/ui/timeline/panel.py" line="303"/>
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/timeline/panel.py" line="305"/>
        <source>%1 of %n event(s)</source>
        <translation>
            <numerusform>%1 of %n event</numerusform>
            <numerusform>%1 of %n events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/timeline/panel.py" line="339"/>
        <source>Range %1: %n event(s)</source>
        <translation>
            <numerusform>Range %1: %n event</numerusform>
            <numerusform>Range %1: %n events</numerusform>
        </translation>
    </message>
</context>
</TS>
