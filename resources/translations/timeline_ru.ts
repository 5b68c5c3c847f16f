<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru" sourcelanguage="en">
<context>
    <name>EventDetails</name>
    <message>
        <location filename="../../app/ui/timeline/details.py" line="58"/>
        <source>In the dossier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/details.py" line="63"/>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/details.py" line="65"/>
        <source>Show it where it lives (Enter or double-click)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/details.py" line="67"/>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/details.py" line="70"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/details.py" line="88"/>
        <source>Select an event to see its details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/details.py" line="93"/>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/details.py" line="94"/>
        <source>UTC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/details.py" line="97"/>
        <source>Ends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/details.py" line="98"/>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/details.py" line="100"/>
        <source>Uncertainty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/details.py" line="103"/>
        <source>Clock correction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/details.py" line="104"/>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/details.py" line="105"/>
        <source>Concerns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/details.py" line="107"/>
        <source>Findings</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportMenu</name>
    <message>
        <location filename="../../app/ui/timeline/export.py" line="42"/>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/export.py" line="45"/>
        <source>Table (CSV)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/export.py" line="46"/>
        <source>Picture (PNG)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/export.py" line="47"/>
        <source>Picture (SVG)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/export.py" line="55"/>
        <source>CSV table (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/export.py" line="56"/>
        <source>PNG picture (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/export.py" line="57"/>
        <source>SVG picture (*.svg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/export.py" line="61"/>
        <source>Export the timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/export.py" line="80"/>
        <source>Exporting the timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/export.py" line="100"/>
        <source>Timeline of case %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ManualEventDialog</name>
    <message>
        <location filename="../../app/ui/timeline/event_dialog.py" line="39"/>
        <source>Edit event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/event_dialog.py" line="39"/>
        <source>Add event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/event_dialog.py" line="50"/>
        <source>When (%1, %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/event_dialog.py" line="55"/>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/event_dialog.py" line="58"/>
        <source>Uncertainty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/event_dialog.py" line="61"/>
        <source>What happened, e.g. the courier rang at the door</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/event_dialog.py" line="63"/>
        <source>What happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/event_dialog.py" line="66"/>
        <source>Who reported it, e.g. a neighbour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/event_dialog.py" line="67"/>
        <source>Reported by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/event_dialog.py" line="70"/>
        <source>Nobody in particular</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/event_dialog.py" line="75"/>
        <source>Concerns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/event_dialog.py" line="91"/>
        <source>Describe the event.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimelineCanvas</name>
    <message numerus="yes">
        <location filename="../../app/ui/timeline/canvas.py" line="250"/>
        <source>%1: %n event(s) here</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/canvas.py" line="256"/>
        <source>Zoom in to see them one by one</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimelineCommands</name>
    <message>
        <location filename="../../app/ui/timeline/commands.py" line="109"/>
        <source>Add event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/commands.py" line="125"/>
        <source>Edit event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/commands.py" line="136"/>
        <source>Delete event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/commands.py" line="145"/>
        <source>Add to the dossier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/commands.py" line="147"/>
        <source>Remove from the dossier</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimelineLabels</name>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="32"/>
        <location filename="../../app/ui/timeline/labels.py" line="90"/>
        <source>Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="33"/>
        <source>Call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="34"/>
        <source>Video note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="35"/>
        <source>Still</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="36"/>
        <source>Statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="37"/>
        <source>Time claimed in a statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="40"/>
        <source>Manual event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="41"/>
        <location filename="../../app/ui/timeline/labels.py" line="104"/>
        <source>Finding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="42"/>
        <source>Case milestone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="49"/>
        <location filename="../../app/ui/timeline/labels.py" line="73"/>
        <source>Orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="50"/>
        <source>Calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="51"/>
        <source>Video notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="52"/>
        <source>Stills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="53"/>
        <location filename="../../app/ui/timeline/labels.py" line="74"/>
        <source>Statements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="54"/>
        <source>Claimed times</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="55"/>
        <source>Manual events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="56"/>
        <source>Findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="57"/>
        <source>Milestones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="65"/>
        <location filename="../../app/ui/timeline/labels.py" line="84"/>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="69"/>
        <source>Camera: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="72"/>
        <source>Call log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="75"/>
        <source>Investigator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="76"/>
        <location filename="../../app/ui/timeline/labels.py" line="111"/>
        <source>Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="77"/>
        <source>Call analysis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="78"/>
        <source>Video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="89"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="91"/>
        <source>Caller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="92"/>
        <source>Callee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="93"/>
        <source>Virtual number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="94"/>
        <source>Duration, s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="95"/>
        <source>Answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="96"/>
        <source>Direction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="97"/>
        <source>Camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="98"/>
        <source>Frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="99"/>
        <source>Camera clock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="100"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="101"/>
        <source>Taken by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="102"/>
        <source>Claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="103"/>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="105"/>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="106"/>
        <source>Added by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="107"/>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="108"/>
        <source>Reported by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="109"/>
        <source>Complaint from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="110"/>
        <source>Measure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="112"/>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="119"/>
        <source>assigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="120"/>
        <source>picked up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="121"/>
        <source>delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="122"/>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="123"/>
        <source>delivery slot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="134"/>
        <source>Order %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="140"/>
        <source>Complaint received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="142"/>
        <source>Case %1 opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="146"/>
        <source>Decision taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="152"/>
        <source>Contact after the order was closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="155"/>
        <source>Direct call bypassing the masking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="156"/>
        <source>Many numbers calling one customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="159"/>
        <source>Calls at night</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="160"/>
        <source>Burst of calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="179"/>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="183"/>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="187"/>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="194"/>
        <source>%1 d %2 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="199"/>
        <source>%1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="201"/>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="214"/>
        <source>Duration: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="220"/>
        <source>Uncertainty: ± %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="227"/>
        <source>Clock corrected by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="232"/>
        <source>Source: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/labels.py" line="237"/>
        <source>In the dossier</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimelinePanel</name>
    <message>
        <location filename="../../app/ui/timeline/panel.py" line="87"/>
        <source>Lanes by party</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/panel.py" line="88"/>
        <source>Lanes by source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/panel.py" line="92"/>
        <source>Kinds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/panel.py" line="93"/>
        <source>Parties</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/panel.py" line="94"/>
        <source>Sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/panel.py" line="95"/>
        <source>Findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/panel.py" line="105"/>
        <source>Only in the dossier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/panel.py" line="111"/>
        <source>Search titles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/panel.py" line="121"/>
        <source>Fit all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/panel.py" line="121"/>
        <source>Show the whole timeline (Home)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/panel.py" line="124"/>
        <location filename="../../app/ui/timeline/panel.py" line="333"/>
        <source>Fit selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/panel.py" line="125"/>
        <source>Zoom to the selected event or Shift+drag range (F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/panel.py" line="128"/>
        <source>Add event…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/panel.py" line="128"/>
        <source>Add a manual event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/panel.py" line="158"/>
        <source>(none in this case)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/timeline/panel.py" line="213"/>
        <source>%n event(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/timeline/panel.py" line="215"/>
        <source>%1 of %n event(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/panel.py" line="299"/>
        <source>Delete event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/panel.py" line="299"/>
        <source>Delete the selected manual event?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/panel.py" line="317"/>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/panel.py" line="318"/>
        <source>In the dossier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/panel.py" line="323"/>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/panel.py" line="324"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/panel.py" line="328"/>
        <source>Add range to the dossier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/panel.py" line="331"/>
        <source>Remove range from the dossier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline/panel.py" line="334"/>
        <source>Add event here…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimelineTab</name>
    <message>
        <location filename="../../app/ui/timeline/tab.py" line="13"/>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
