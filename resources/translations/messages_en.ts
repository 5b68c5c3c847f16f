<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>MessagesTab</name>
    <message numerus="yes">
        <location filename="../../app/ui/messages/tab.py" line="285"/>
        <source>%n message(s)</source>
        <translation>
            <numerusform>%n message</numerusform>
            <numerusform>%n messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/messages/tab.py" line="480"/>
        <source>Findings (%n)</source>
        <translation>
            <numerusform>Findings (%n)</numerusform>
            <numerusform>Findings (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/messages/tab.py" line="555"/>
        <source>%n message(s) imported</source>
        <translation>
            <numerusform>%n message imported</numerusform>
            <numerusform>%n messages imported</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/messages/tab.py" line="556"/>
        <source>%n duplicate(s) skipped</source>
        <translation>
            <numerusform>%n duplicate skipped</numerusform>
            <numerusform>%n duplicates skipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/messages/tab.py" line="557"/>
        <source>%n flagged</source>
        <translation>
            <numerusform>%n flagged</numerusform>
            <numerusform>%n flagged</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/messages/tab.py" line="558"/>
        <source>%n attachment(s) stored as evidence</source>
        <translation>
            <numerusform>%n attachment stored as evidence</numerusform>
            <numerusform>%n attachments stored as evidence</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/messages/tab.py" line="560"/>
        <source>%n line(s) not read:</source>
        <translation>
            <numerusform>%n line not read:</numerusform>
            <numerusform>%n lines not read:</numerusform>
        </translation>
    </message>
</context>
</TS>
