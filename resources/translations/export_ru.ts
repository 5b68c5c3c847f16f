<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru" sourcelanguage="en">
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../app/ui/export/dialog.py" line="60"/>
        <source>Export dossier</source>
        <translation>Выгрузка досье</translation>
    </message>
    <message>
        <location filename="../../app/ui/export/dialog.py" line="64"/>
        <source>Police (law enforcement)</source>
        <translation>Полиция (правоохранительные органы)</translation>
    </message>
    <message>
        <location filename="../../app/ui/export/dialog.py" line="65"/>
        <source>Regional management</source>
        <translation>Региональное руководство</translation>
    </message>
    <message>
        <location filename="../../app/ui/export/dialog.py" line="67"/>
        <source>Russian</source>
        <translation>Русский</translation>
    </message>
    <message>
        <location filename="../../app/ui/export/dialog.py" line="68"/>
        <source>English</source>
        <translation>Английский</translation>
    </message>
    <message>
        <location filename="../../app/ui/export/dialog.py" line="70"/>
        <source>e.g. Head of the district police department</source>
        <translation>например, начальнику ОМВД по району</translation>
    </message>
    <message>
        <location filename="../../app/ui/export/dialog.py" line="75"/>
        <source>Profile</source>
        <translation>Профиль</translation>
    </message>
    <message>
        <location filename="../../app/ui/export/dialog.py" line="76"/>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <location filename="../../app/ui/export/dialog.py" line="77"/>
        <source>Addressee</source>
        <translation>Адресат</translation>
    </message>
    <message>
        <location filename="../../app/ui/export/dialog.py" line="91"/>
        <source>Drag on the still to blur a region; drag with the right button to keep a party&apos;s face visible; click a region to remove it.</source>
        <translation>Протяните мышью по кадру, чтобы размыть область; правой кнопкой — чтобы оставить лицо участника видимым; щелчок по области удаляет её.</translation>
    </message>
    <message>
        <location filename="../../app/ui/export/dialog.py" line="100"/>
        <source>Events</source>
        <translation>События</translation>
    </message>
    <message>
        <location filename="../../app/ui/export/dialog.py" line="101"/>
        <source>Stills</source>
        <translation>Кадры</translation>
    </message>
    <message>
        <location filename="../../app/ui/export/dialog.py" line="118"/>
        <source>Preview</source>
        <translation>Предпросмотр</translation>
    </message>
    <message>
        <location filename="../../app/ui/export/dialog.py" line="119"/>
        <source>Save dossier…</source>
        <translation>Сохранить досье…</translation>
    </message>
    <message>
        <location filename="../../app/ui/export/dialog.py" line="120"/>
        <source>Save evidence package…</source>
        <translation>Сохранить пакет доказательств…</translation>
    </message>
    <message>
        <location filename="../../app/ui/export/dialog.py" line="194"/>
        <source>Shows phone numbers and addresses in full, every call and the statements. The export and what it reveals are recorded in the audit log.</source>
        <translation>Показывает телефоны и адреса полностью, все звонки и объяснения. Выгрузка и раскрытые в ней данные записываются в журнал аудита.</translation>
    </message>
    <message>
        <location filename="../../app/ui/export/dialog.py" line="201"/>
        <source>Phone numbers and addresses are masked; faces of people who are not parties are blurred on the stills.</source>
        <translation>Телефоны и адреса скрыты; лица людей, не являющихся участниками, на кадрах размыты.</translation>
    </message>
    <message>
        <location filename="../../app/ui/export/dialog.py" line="208"/>
        <source>Automatic face detection is not available in this installation: only the regions you draw are blurred.</source>
        <translation>Автоматическое распознавание лиц в этой установке недоступно: размываются только отмеченные вами области.</translation>
    </message>
    <message>
        <location filename="../../app/ui/export/dialog.py" line="254"/>
        <source>Building the preview…</source>
        <translation>Формирование предпросмотра…</translation>
    </message>
    <message>
        <location filename="../../app/ui/export/dialog.py" line="257"/>
        <source>Dossier preview</source>
        <translation>Предпросмотр досье</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/export/dialog.py" line="271"/>
        <source>Preview: %n page(s)</source>
        <translation>
            <numerusform>Предпросмотр: %n страница</numerusform>
            <numerusform>Предпросмотр: %n страницы</numerusform>
            <numerusform>Предпросмотр: %n страниц</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/export/dialog.py" line="276"/>
        <source>Save dossier</source>
        <translation>Сохранить досье</translation>
    </message>
    <message>
        <location filename="../../app/ui/export/dialog.py" line="276"/>
        <source>PDF documents (*.pdf)</source>
        <translation>Документы PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../app/ui/export/dialog.py" line="284"/>
        <source>Save evidence package</source>
        <translation>Сохранить пакет доказательств</translation>
    </message>
    <message>
        <location filename="../../app/ui/export/dialog.py" line="284"/>
        <source>ZIP archives (*.zip)</source>
        <translation>Архивы ZIP (*.zip)</translation>
    </message>
    <message>
        <location filename="../../app/ui/export/dialog.py" line="294"/>
        <source>Saving the dossier…</source>
        <translation>Сохранение досье…</translation>
    </message>
    <message>
        <location filename="../../app/ui/export/dialog.py" line="297"/>
        <source>Dossier export</source>
        <translation>Выгрузка досье</translation>
    </message>
    <message>
        <location filename="../../app/ui/export/dialog.py" line="304"/>
        <source>Saving the evidence package…</source>
        <translation>Сохранение пакета доказательств…</translation>
    </message>
    <message>
        <location filename="../../app/ui/export/dialog.py" line="307"/>
        <source>Evidence package export</source>
        <translation>Выгрузка пакета доказательств</translation>
    </message>
    <message>
        <location filename="../../app/ui/export/dialog.py" line="316"/>
        <source>Saved %1
SHA-256: %2</source>
        <translation>Сохранено: %1
SHA-256: %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/export/dialog.py" line="323"/>
        <source>Cancelled.</source>
        <translation>Отменено.</translation>
    </message>
    <message>
        <location filename="../../app/ui/export/dialog.py" line="326"/>
        <source>Export failed: %1</source>
        <translation>Выгрузка не удалась: %1</translation>
    </message>
</context>
</TS>
