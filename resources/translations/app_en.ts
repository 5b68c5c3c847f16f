<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AuditViewer</name>
    <message numerus="yes">
        <location filename="../../app/ui/audit_viewer.py" line="175"/>
        <source>The chain is intact: %n entrie(s) verified.</source>
        <translation>
            <numerusform>The chain is intact: %n entry verified.</numerusform>
            <numerusform>The chain is intact: %n entries verified.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CaseListPanel</name>
    <message numerus="yes">
        <location filename="../../app/ui/cases/list_panel.py" line="108"/>
        <source>%Ln case(s)</source>
        <translation><numerusform>%Ln case</numerusform><numerusform>%Ln cases</numerusform></translation>
    </message>
</context>
<context>
    <name>CaseView</name>
    <message numerus="yes">
        <location filename="../../app/ui/cases/case_view.py" line="211"/>
        <source>Adding %n file(s) to the case</source>
        <translation>
            <numerusform>Adding %n file to the case</numerusform>
            <numerusform>Adding %n files to the case</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DropOutcomeBox</name>
    <message numerus="yes">
        <location filename="../../app/ui/cases/drop_dialog.py" line="109"/>
        <source>%n file(s) added, %1 not added.</source>
        <translation>
            <numerusform>%n file added, %1 not added.</numerusform>
            <numerusform>%n files added, %1 not added.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EventsTab</name>
    <message numerus="yes">
        <location filename="../../app/ui/cases/record_tabs.py" line="254"/>
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RevealDialog</name>
    <message numerus="yes">
        <location filename="../../app/ui/privacy.py" line="69"/>
        <source>Give a reason of at least %n character(s).</source>
        <translation>
            <numerusform>Give a reason of at least %n character.</numerusform>
            <numerusform>Give a reason of at least %n characters.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TaskStatusWidget</name>
    <message numerus="yes">
        <location filename="../../app/ui/widgets/task_status.py" line="49"/>
        <source>%1 (+%n more)</source>
        <translation>
            <numerusform>%1 (+%n more)</numerusform>
            <numerusform>%1 (+%n more)</numerusform>
        </translation>
    </message>
</context>
</TS>
