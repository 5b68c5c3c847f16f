<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru" sourcelanguage="en">
<context>
    <name>MessageDetail</name>
    <message>
        <location filename="../../app/ui/messages/detail.py" line="22"/>
        <source>obscenities</source>
        <translation>нецензурная брань</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages/detail.py" line="23"/>
        <source>insults</source>
        <translation>оскорбления</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages/detail.py" line="24"/>
        <source>threats</source>
        <translation>угрозы</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages/detail.py" line="53"/>
        <source>Sent</source>
        <translation>Отправлено</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages/detail.py" line="53"/>
        <source>Sender</source>
        <translation>Отправитель</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages/detail.py" line="53"/>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages/detail.py" line="65"/>
        <source>Flagged words:</source>
        <translation>Отмеченные слова:</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages/detail.py" line="68"/>
        <source>Read from a screenshot by OCR: check it against the picture.</source>
        <translation>Распознано со скриншота: сверьте с изображением.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages/detail.py" line="96"/>
        <source>No preview for this file</source>
        <translation>Для этого файла нет предпросмотра</translation>
    </message>
</context>
<context>
    <name>MessageFilterBar</name>
    <message>
        <location filename="../../app/ui/messages/filter_bar.py" line="23"/>
        <source>Search the text (Ctrl+F)</source>
        <translation>Поиск по тексту (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages/filter_bar.py" line="24"/>
        <source>All senders</source>
        <translation>Все отправители</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages/filter_bar.py" line="25"/>
        <source>Flagged only</source>
        <translation>Только отмеченные</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages/filter_bar.py" line="28"/>
        <source>From</source>
        <translation>С</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages/filter_bar.py" line="38"/>
        <source>to</source>
        <translation>по</translation>
    </message>
</context>
<context>
    <name>MessagesImportDialog</name>
    <message>
        <location filename="../../app/ui/messages/import_dialog.py" line="29"/>
        <source>Import messages</source>
        <translation>Импорт переписки</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages/import_dialog.py" line="34"/>
        <source>Chat export, zip, SMS backup or screenshot</source>
        <translation>Выгрузка чата, zip-архив, резервная копия SMS или скриншот</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages/import_dialog.py" line="41"/>
        <source>A Telegram Desktop export folder</source>
        <translation>Папка выгрузки Telegram Desktop</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages/import_dialog.py" line="44"/>
        <source>Source:</source>
        <translation>Источник:</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages/import_dialog.py" line="48"/>
        <source>Recognise</source>
        <translation>Определить автоматически</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages/import_dialog.py" line="49"/>
        <source>Telegram Desktop, JSON</source>
        <translation>Telegram Desktop, JSON</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages/import_dialog.py" line="50"/>
        <source>Telegram Desktop, HTML</source>
        <translation>Telegram Desktop, HTML</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages/import_dialog.py" line="51"/>
        <source>WhatsApp chat export</source>
        <translation>Экспорт чата WhatsApp</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages/import_dialog.py" line="52"/>
        <source>SMS Backup &amp; Restore XML</source>
        <translation>SMS Backup &amp; Restore (XML)</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages/import_dialog.py" line="53"/>
        <source>Screenshot (OCR)</source>
        <translation>Скриншот (распознавание текста)</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages/import_dialog.py" line="57"/>
        <source>Format:</source>
        <translation>Формат:</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages/import_dialog.py" line="67"/>
        <source>The zone of times written without one (WhatsApp, screenshots, old exports)</source>
        <translation>Часовой пояс для времени, записанного без пояса (WhatsApp, скриншоты, старые выгрузки)</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages/import_dialog.py" line="69"/>
        <source>Time zone of the file:</source>
        <translation>Часовой пояс файла:</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages/import_dialog.py" line="76"/>
        <source>Whose phone the export is from: a phone number or the name the chat uses</source>
        <translation>Чей это телефон: номер или имя, под которым владелец значится в чате</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages/import_dialog.py" line="78"/>
        <source>Owner of the phone:</source>
        <translation>Владелец телефона:</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages/import_dialog.py" line="81"/>
        <source>Decide from the file</source>
        <translation>Определить по файлу</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages/import_dialog.py" line="82"/>
        <source>Day first (31.12.2025)</source>
        <translation>Сначала день (31.12.2025)</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages/import_dialog.py" line="83"/>
        <source>Month first (12/31/2025)</source>
        <translation>Сначала месяц (12/31/2025)</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages/import_dialog.py" line="84"/>
        <source>Date order:</source>
        <translation>Порядок даты:</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages/import_dialog.py" line="87"/>
        <source>YYYY-MM-DD, when a screenshot shows no date</source>
        <translation>ГГГГ-ММ-ДД, если на скриншоте нет даты</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages/import_dialog.py" line="88"/>
        <source>Screenshot&apos;s day:</source>
        <translation>Дата скриншота:</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages/import_dialog.py" line="90"/>
        <source>e.g. the complainant, by e-mail</source>
        <translation>например, заявитель по электронной почте</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages/import_dialog.py" line="91"/>
        <source>Handed over by:</source>
        <translation>Кем предоставлено:</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages/import_dialog.py" line="96"/>
        <source>Import</source>
        <translation>Импортировать</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages/import_dialog.py" line="35"/>
        <source>Chat export</source>
        <translation>Выгрузка переписки</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages/import_dialog.py" line="37"/>
        <source>Exports (*.json *.html *.txt *.zip *.xml *.png *.jpg *.jpeg);;All files (*)</source>
        <translation>Выгрузки (*.json *.html *.txt *.zip *.xml *.png *.jpg *.jpeg);;Все файлы (*)</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages/import_dialog.py" line="40"/>
        <source>Telegram export folder</source>
        <translation>Папка выгрузки Telegram</translation>
    </message>
</context>
<context>
    <name>MessagesTab</name>
    <message>
        <location filename="../../app/ui/messages/tab.py" line="63"/>
        <location filename="../../app/ui/messages/tab.py" line="218"/>
        <source>Messages</source>
        <translation>Переписка</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages/tab.py" line="72"/>
        <source>Courier&apos;s private messages after delivery</source>
        <translation>Личная переписка курьера после доставки</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages/tab.py" line="75"/>
        <source>Messages from new numbers</source>
        <translation>Сообщения с новых номеров</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages/tab.py" line="78"/>
        <source>Messages at night</source>
        <translation>Сообщения ночью</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages/tab.py" line="79"/>
        <source>Abusive messages</source>
        <translation>Брань, оскорбления, угрозы</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages/tab.py" line="108"/>
        <source>Import messages…</source>
        <translation>Импорт переписки…</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages/tab.py" line="111"/>
        <source>Reveal numbers…</source>
        <translation>Показать номера…</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages/tab.py" line="114"/>
        <source>Show the senders&apos; full numbers on this page (asks for a reason, audited)</source>
        <translation>Показать полные номера отправителей на этой странице (нужна причина, запись в журнал)</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages/tab.py" line="117"/>
        <location filename="../../app/ui/messages/tab.py" line="389"/>
        <source>Add to dossier</source>
        <translation>В досье</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages/tab.py" line="120"/>
        <source>Quote the selected message in the dossier (Ctrl+B)</source>
        <translation>Процитировать выбранное сообщение в досье (Ctrl+B)</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages/tab.py" line="123"/>
        <source>Add all flagged</source>
        <translation>Все отмеченные — в досье</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages/tab.py" line="148"/>
        <source>◀ Earlier</source>
        <translation>◀ Раньше</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages/tab.py" line="150"/>
        <source>Later ▶</source>
        <translation>Позже ▶</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages/tab.py" line="162"/>
        <source>Message</source>
        <translation>Сообщение</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages/tab.py" line="163"/>
        <source>Findings</source>
        <translation>Выводы</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages/tab.py" line="164"/>
        <source>Senders</source>
        <translation>Отправители</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages/tab.py" line="188"/>
        <source>Analyze</source>
        <translation>Анализ</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages/tab.py" line="191"/>
        <source>Thresholds…</source>
        <translation>Пороги…</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages/tab.py" line="193"/>
        <source>The same thresholds as the call detectors</source>
        <translation>Те же пороги, что и для анализа звонков</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages/tab.py" line="215"/>
        <source>Sender</source>
        <translation>Отправитель</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages/tab.py" line="216"/>
        <source>Number</source>
        <translation>Номер</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages/tab.py" line="217"/>
        <source>Party</source>
        <translation>Участник</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages/tab.py" line="219"/>
        <source>Flagged</source>
        <translation>Отмечено</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages/tab.py" line="226"/>
        <source>Link to party…</source>
        <translation>Связать с участником…</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages/tab.py" line="230"/>
        <source>The sender&apos;s messages go to the party&apos;s lane; a number the party does not have yet joins its numbers, so the call detectors use it too</source>
        <translation>Сообщения отправителя попадут на дорожку участника; номер, которого у участника ещё нет, добавится к его номерам — его учтёт и анализ звонков</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/messages/tab.py" line="285"/>
        <source>%n message(s)</source>
        <translation>
            <numerusform>%n сообщение</numerusform>
            <numerusform>%n сообщения</numerusform>
            <numerusform>%n сообщений</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/messages/tab.py" line="297"/>
        <source>Page %1 of %2</source>
        <translation>Страница %1 из %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages/tab.py" line="315"/>
        <source>edited</source>
        <translation>изменено</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages/tab.py" line="316"/>
        <source>message deleted</source>
        <translation>сообщение удалено</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages/tab.py" line="317"/>
        <source>media not included in the export</source>
        <translation>медиафайл не включён в выгрузку</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages/tab.py" line="318"/>
        <source>from a screenshot: check against the picture</source>
        <translation>со скриншота: сверьте с изображением</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages/tab.py" line="319"/>
        <source>in the dossier</source>
        <translation>в досье</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages/tab.py" line="320"/>
        <source>Attachment</source>
        <translation>Вложение</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages/tab.py" line="387"/>
        <source>Remove from dossier</source>
        <translation>Убрать из досье</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages/tab.py" line="417"/>
        <source>the senders&apos; numbers on this page</source>
        <translation>номера отправителей на этой странице</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages/tab.py" line="437"/>
        <source>(no party)</source>
        <translation>(без участника)</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages/tab.py" line="439"/>
        <location filename="../../app/ui/messages/tab.py" line="565"/>
        <source>Link sender</source>
        <translation>Связать отправителя</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages/tab.py" line="440"/>
        <source>Messages of %1 belong to:</source>
        <translation>Сообщения отправителя %1 относятся к:</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/messages/tab.py" line="480"/>
        <source>Findings (%n)</source>
        <translation>
            <numerusform>Выводы (%n)</numerusform>
            <numerusform>Выводы (%n)</numerusform>
            <numerusform>Выводы (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/messages/tab.py" line="491"/>
        <source>Showing the messages of one finding; Esc shows all again.</source>
        <translation>Показаны сообщения одного вывода; Esc — снова все сообщения.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages/tab.py" line="530"/>
        <source>Importing %1</source>
        <translation>Импорт: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages/tab.py" line="538"/>
        <source>Date order</source>
        <translation>Порядок даты</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages/tab.py" line="542"/>
        <source>Are the dates day first (31.12.2025)? Choose No for month first (12/31/2025).</source>
        <translation>Даты записаны начиная с дня (31.12.2025)? Выберите «Нет», если сначала месяц (12/31/2025).</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/messages/tab.py" line="555"/>
        <source>%n message(s) imported</source>
        <translation>
            <numerusform>Импортировано %n сообщение</numerusform>
            <numerusform>Импортировано %n сообщения</numerusform>
            <numerusform>Импортировано %n сообщений</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/messages/tab.py" line="556"/>
        <source>%n duplicate(s) skipped</source>
        <translation>
            <numerusform>Пропущен %n дубликат</numerusform>
            <numerusform>Пропущено %n дубликата</numerusform>
            <numerusform>Пропущено %n дубликатов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/messages/tab.py" line="557"/>
        <source>%n flagged</source>
        <translation>
            <numerusform>Отмечено %n</numerusform>
            <numerusform>Отмечено %n</numerusform>
            <numerusform>Отмечено %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/messages/tab.py" line="558"/>
        <source>%n attachment(s) stored as evidence</source>
        <translation>
            <numerusform>%n вложение сохранено как доказательство</numerusform>
            <numerusform>%n вложения сохранены как доказательства</numerusform>
            <numerusform>%n вложений сохранено как доказательства</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/messages/tab.py" line="560"/>
        <source>%n line(s) not read:</source>
        <translation>
            <numerusform>Не прочитана %n строка:</numerusform>
            <numerusform>Не прочитаны %n строки:</numerusform>
            <numerusform>Не прочитано %n строк:</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/messages/tab.py" line="562"/>
        <source>Messages imported</source>
        <translation>Переписка импортирована</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages/tab.py" line="566"/>
        <source>The sender “%1” has the name of the party “%2”. Link their messages to this party?</source>
        <translation>Имя отправителя «%1» совпадает с участником «%2». Связать его сообщения с этим участником?</translation>
    </message>
</context>
</TS>
