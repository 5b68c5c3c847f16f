<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru" sourcelanguage="en">
<context>
    <name>AuditViewer</name>
    <message>
        <location filename="../../app/ui/audit_viewer.py" line="49"/>
        <source>Audit log</source>
        <translation>Журнал аудита</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_viewer.py" line="49"/>
        <source>Audit log of the case</source>
        <translation>Журнал аудита по делу</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_viewer.py" line="54"/>
        <source>Verify chain</source>
        <translation>Проверить цепочку</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_viewer.py" line="58"/>
        <source>Load older entries</source>
        <translation>Загрузить более ранние записи</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_viewer.py" line="65"/>
        <source>#</source>
        <translation>№</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_viewer.py" line="66"/>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_viewer.py" line="67"/>
        <source>Who</source>
        <translation>Кто</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_viewer.py" line="68"/>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_viewer.py" line="69"/>
        <source>Record</source>
        <translation>Запись</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_viewer.py" line="70"/>
        <source>Case</source>
        <translation>Дело</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_viewer.py" line="71"/>
        <source>Hash</source>
        <translation>Хеш</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_viewer.py" line="115"/>
        <source>deleted case</source>
        <translation>удалённое дело</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_viewer.py" line="157"/>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_viewer.py" line="157"/>
        <source>Before</source>
        <translation>Было</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_viewer.py" line="157"/>
        <source>After</source>
        <translation>Стало</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_viewer.py" line="163"/>
        <source>Entry hash</source>
        <translation>Хеш записи</translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_viewer.py" line="167"/>
        <source>Verifying…</source>
        <translation>Проверка…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/audit_viewer.py" line="175"/>
        <source>The chain is intact: %n entrie(s) verified.</source>
        <translation>
            <numerusform>Цепочка цела: проверена %n запись.</numerusform>
            <numerusform>Цепочка цела: проверено %n записи.</numerusform>
            <numerusform>Цепочка цела: проверено %n записей.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_viewer.py" line="180"/>
        <source>The chain is broken at entry %1: %2</source>
        <translation>Цепочка нарушена на записи %1: %2</translation>
    </message>
</context>
<context>
    <name>BlacklistDialog</name>
    <message>
        <location filename="../../app/ui/blacklist_dialog.py" line="33"/>
        <source>Courier blacklist</source>
        <translation>Чёрный список курьеров</translation>
    </message>
    <message>
        <location filename="../../app/ui/blacklist_dialog.py" line="38"/>
        <source>Courier ID</source>
        <translation>ID курьера</translation>
    </message>
    <message>
        <location filename="../../app/ui/blacklist_dialog.py" line="39"/>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <location filename="../../app/ui/blacklist_dialog.py" line="40"/>
        <source>Case</source>
        <translation>Дело</translation>
    </message>
    <message>
        <location filename="../../app/ui/blacklist_dialog.py" line="41"/>
        <source>Added</source>
        <translation>Внесён</translation>
    </message>
    <message>
        <location filename="../../app/ui/blacklist_dialog.py" line="42"/>
        <source>By</source>
        <translation>Кем</translation>
    </message>
    <message>
        <location filename="../../app/ui/blacklist_dialog.py" line="43"/>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <location filename="../../app/ui/blacklist_dialog.py" line="43"/>
        <source>active</source>
        <translation>действует</translation>
    </message>
    <message>
        <location filename="../../app/ui/blacklist_dialog.py" line="43"/>
        <source>lifted</source>
        <translation>снят</translation>
    </message>
    <message>
        <location filename="../../app/ui/blacklist_dialog.py" line="54"/>
        <location filename="../../app/ui/blacklist_dialog.py" line="97"/>
        <source>Lift entry</source>
        <translation>Снять запрет</translation>
    </message>
    <message>
        <location filename="../../app/ui/blacklist_dialog.py" line="65"/>
        <source>Courier ID:</source>
        <translation>ID курьера:</translation>
    </message>
    <message>
        <location filename="../../app/ui/blacklist_dialog.py" line="66"/>
        <source>Reason:</source>
        <translation>Причина:</translation>
    </message>
    <message>
        <location filename="../../app/ui/blacklist_dialog.py" line="71"/>
        <source>Add to blacklist</source>
        <translation>Внести в чёрный список</translation>
    </message>
    <message>
        <location filename="../../app/ui/blacklist_dialog.py" line="74"/>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <location filename="../../app/ui/blacklist_dialog.py" line="97"/>
        <source>Restore entry</source>
        <translation>Вернуть запрет</translation>
    </message>
    <message>
        <location filename="../../app/ui/blacklist_dialog.py" line="102"/>
        <source>Give the courier ID and the reason.</source>
        <translation>Укажите ID курьера и причину.</translation>
    </message>
</context>
<context>
    <name>CaseFilterBar</name>
    <message>
        <location filename="../../app/ui/cases/filter_bar.py" line="25"/>
        <source>Number, title, name, phone, order</source>
        <translation>Номер, название, ФИО, телефон, заказ</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/filter_bar.py" line="27"/>
        <source>Search by case number, title, a party&apos;s name or courier ID, digits of a phone number (any part) or an order number. Ctrl+F comes here.</source>
        <translation>Поиск по номеру дела, названию, ФИО участника или ID курьера, цифрам телефона (любой части номера) или номеру заказа. Сюда ведёт Ctrl+F.</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/filter_bar.py" line="33"/>
        <source>All statuses</source>
        <translation>Все статусы</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/filter_bar.py" line="36"/>
        <source>All regions</source>
        <translation>Все регионы</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/filter_bar.py" line="37"/>
        <source>All categories</source>
        <translation>Все категории</translation>
    </message>
</context>
<context>
    <name>CaseListModel</name>
    <message>
        <location filename="../../app/ui/cases/list_model.py" line="118"/>
        <source>Number</source>
        <translation>Номер</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/list_model.py" line="119"/>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/list_model.py" line="120"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/list_model.py" line="121"/>
        <source>Region</source>
        <translation>Регион</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/list_model.py" line="122"/>
        <source>Category</source>
        <translation>Категория</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/list_model.py" line="123"/>
        <source>Received</source>
        <translation>Поступило</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/list_model.py" line="124"/>
        <source>Updated</source>
        <translation>Изменено</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/list_model.py" line="155"/>
        <source>(deleted)</source>
        <translation>(удалено)</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/list_model.py" line="64"/>
        <source>Recording the search</source>
        <translation>Запись поиска в журнал</translation>
    </message>
</context>
<context>
    <name>CaseListPanel</name>
    <message>
        <location filename="../../app/ui/cases/list_panel.py" line="76"/>
        <source>Searching…</source>
        <translation>Поиск…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/cases/list_panel.py" line="108"/>
        <source>%Ln case(s)</source>
        <translation>
            <numerusform>%Ln дело</numerusform>
            <numerusform>%Ln дела</numerusform>
            <numerusform>%Ln дел</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CaseView</name>
    <message>
        <location filename="../../app/ui/cases/case_view.py" line="71"/>
        <source>Overview &amp;&amp; decision</source>
        <translation>Обзор и решение</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_view.py" line="72"/>
        <source>Parties</source>
        <translation>Участники</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_view.py" line="73"/>
        <source>Orders</source>
        <translation>Заказы</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_view.py" line="74"/>
        <source>Statements</source>
        <translation>Объяснения</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_view.py" line="75"/>
        <source>Events</source>
        <translation>События</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_view.py" line="95"/>
        <source>The %1 tab could not be opened: %2</source>
        <translation>Вкладку «%1» не удалось открыть: %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/cases/case_view.py" line="211"/>
        <source>Adding %n file(s) to the case</source>
        <translation>
            <numerusform>Добавление %n файла в дело</numerusform>
            <numerusform>Добавление %n файлов в дело</numerusform>
            <numerusform>Добавление %n файлов в дело</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DropDialog</name>
    <message>
        <location filename="../../app/ui/cases/drop_dialog.py" line="34"/>
        <source>Add files to the case</source>
        <translation>Добавить файлы в дело</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/drop_dialog.py" line="38"/>
        <source>Each file goes where it belongs; change a video&apos;s camera if needed.</source>
        <translation>Каждый файл попадёт в свой раздел; для видео при необходимости выберите камеру.</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/drop_dialog.py" line="42"/>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/drop_dialog.py" line="42"/>
        <source>Goes to</source>
        <translation>Куда</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/drop_dialog.py" line="81"/>
        <source>Messages: import the chat export</source>
        <translation>Переписка: загрузить выгрузку</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/drop_dialog.py" line="62"/>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/drop_dialog.py" line="71"/>
        <source>Calls: import the call log</source>
        <translation>Звонки: загрузить детализацию</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/drop_dialog.py" line="76"/>
        <source>Video: %1</source>
        <translation>Видео: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/drop_dialog.py" line="78"/>
        <source>Other video (stored, not indexed)</source>
        <translation>Другое видео (сохранить без индексации)</translation>
    </message>
</context>
<context>
    <name>DropOutcomeBox</name>
    <message>
        <location filename="../../app/ui/cases/drop_dialog.py" line="106"/>
        <source>Add files to the case</source>
        <translation>Добавить файлы в дело</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/cases/drop_dialog.py" line="109"/>
        <source>%n file(s) added, %1 not added.</source>
        <translation>
            <numerusform>Добавлено файлов: %n, не добавлено: %1.</numerusform>
            <numerusform>Добавлено файлов: %n, не добавлено: %1.</numerusform>
            <numerusform>Добавлено файлов: %n, не добавлено: %1.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/drop_dialog.py" line="113"/>
        <source>Not added:</source>
        <translation>Не добавлены:</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/drop_dialog.py" line="115"/>
        <source>cancelled before it was read</source>
        <translation>отменено до чтения файла</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/drop_dialog.py" line="118"/>
        <source>Added:</source>
        <translation>Добавлены:</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/drop_dialog.py" line="120"/>
        <source>Fix the file or try again; the added ones stay.</source>
        <translation>Исправьте файл или попробуйте ещё раз; добавленные файлы останутся в деле.</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/drop_dialog.py" line="123"/>
        <source>Try the rest again</source>
        <translation>Добавить оставшиеся ещё раз</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../app/ui/errors.py" line="30"/>
        <source>Someone else changed this record since you opened it.</source>
        <translation>Пока запись была открыта, её изменил другой пользователь.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="34"/>
        <source>The input is not valid.</source>
        <translation>Введены неверные данные.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="36"/>
        <source>This would duplicate an existing record.</source>
        <translation>Такая запись уже существует.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="38"/>
        <source>The record no longer exists.</source>
        <translation>Запись больше не существует.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="40"/>
        <source>The database cannot be used.</source>
        <translation>Базу данных невозможно использовать.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="42"/>
        <source>A verification found tampering.</source>
        <translation>Проверка обнаружила подделку.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="44"/>
        <source>The action failed.</source>
        <translation>Действие не выполнено.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="45"/>
        <source>Unexpected error. Please report it with the details below.</source>
        <translation>Непредвиденная ошибка. Сообщите о ней, приложив подробности ниже.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="61"/>
        <source>Casebook</source>
        <translation>Casebook</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="72"/>
        <source>Reload to see the current version, then make your change again.</source>
        <translation>Обновите данные, чтобы увидеть текущую версию, и внесите изменение снова.</translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="79"/>
        <source>Reload</source>
        <translation>Обновить</translation>
    </message>
</context>
<context>
    <name>EventDialog</name>
    <message>
        <location filename="../../app/ui/cases/record_dialogs.py" line="277"/>
        <source>Edit event</source>
        <translation>Изменить событие</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/record_dialogs.py" line="277"/>
        <source>Add event</source>
        <translation>Добавить событие</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/record_dialogs.py" line="282"/>
        <source> min</source>
        <translation> мин</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/record_dialogs.py" line="286"/>
        <source>e.g. complainant&apos;s statement</source>
        <translation>напр. объяснение заявителя</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/record_dialogs.py" line="290"/>
        <source>Time:</source>
        <translation>Время:</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/record_dialogs.py" line="291"/>
        <source>Uncertainty (±):</source>
        <translation>Погрешность (±):</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/record_dialogs.py" line="292"/>
        <source>Source:</source>
        <translation>Источник:</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/record_dialogs.py" line="293"/>
        <source>Party:</source>
        <translation>Участник:</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/record_dialogs.py" line="294"/>
        <source>What happened:</source>
        <translation>Что произошло:</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/record_dialogs.py" line="299"/>
        <source>Describe what happened.</source>
        <translation>Опишите, что произошло.</translation>
    </message>
</context>
<context>
    <name>EventsTab</name>
    <message>
        <location filename="../../app/ui/cases/record_tabs.py" line="251"/>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/record_tabs.py" line="253"/>
        <source>±</source>
        <translation>±</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/cases/record_tabs.py" line="254"/>
        <source>%n min</source>
        <translation>
            <numerusform>%n мин</numerusform>
            <numerusform>%n мин</numerusform>
            <numerusform>%n мин</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/record_tabs.py" line="256"/>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/record_tabs.py" line="257"/>
        <source>Party</source>
        <translation>Участник</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/record_tabs.py" line="258"/>
        <source>What happened</source>
        <translation>Что произошло</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/record_tabs.py" line="264"/>
        <source>event</source>
        <translation>событие</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/record_tabs.py" line="275"/>
        <source>Add event</source>
        <translation>Добавить событие</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/record_tabs.py" line="292"/>
        <source>Edit event</source>
        <translation>Изменить событие</translation>
    </message>
</context>
<context>
    <name>FileField</name>
    <message>
        <location filename="../../app/ui/widgets/file_field.py" line="44"/>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/file_field.py" line="50"/>
        <source>Folder…</source>
        <translation>Папка…</translation>
    </message>
    <message>
        <location filename="../../app/ui/widgets/file_field.py" line="92"/>
        <source>There is no file %1</source>
        <translation>Файл %1 не найден</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <location filename="../../app/ui/help/dialog.py" line="62"/>
        <source>Casebook help</source>
        <translation>Справка Casebook</translation>
    </message>
    <message>
        <location filename="../../app/ui/help/dialog.py" line="72"/>
        <source>First case, step by step</source>
        <translation>Первое дело по шагам</translation>
    </message>
    <message>
        <location filename="../../app/ui/help/dialog.py" line="77"/>
        <source>Keys</source>
        <translation>Клавиши</translation>
    </message>
    <message>
        <location filename="../../app/ui/help/dialog.py" line="77"/>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <location filename="../../app/ui/help/dialog.py" line="86"/>
        <source>Keyboard shortcuts</source>
        <translation>Сочетания клавиш</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="59"/>
        <source>Open a case from the list (double-click or Enter), or create one: Ctrl+N.</source>
        <translation>Откройте дело из списка (двойной щелчок или Enter) или создайте новое: Ctrl+N.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="142"/>
        <source>Undo</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="144"/>
        <source>Redo</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="148"/>
        <source>&amp;New case…</source>
        <translation>&amp;Новое дело…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="150"/>
        <source>&amp;Close case</source>
        <translation>&amp;Закрыть дело</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="153"/>
        <source>&amp;Save case</source>
        <translation>&amp;Сохранить дело</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="157"/>
        <source>&amp;Reload</source>
        <translation>&amp;Обновить</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="158"/>
        <source>&amp;Find…</source>
        <translation>&amp;Найти…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="160"/>
        <source>&amp;Add record…</source>
        <translation>&amp;Добавить запись…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="163"/>
        <source>&amp;Edit record…</source>
        <translation>&amp;Изменить запись…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="166"/>
        <source>&amp;Delete record</source>
        <translation>&amp;Удалить запись</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="174"/>
        <source>&amp;Audit log…</source>
        <translation>&amp;Журнал аудита…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="176"/>
        <source>Audit log of this &amp;case…</source>
        <translation>Журнал аудита этого &amp;дела…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="178"/>
        <source>Courier &amp;blacklist…</source>
        <translation>&amp;Чёрный список курьеров…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="179"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Настройки…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="181"/>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="183"/>
        <source>&amp;About Casebook</source>
        <translation>&amp;О программе Casebook</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="185"/>
        <source>&amp;Help contents</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="190"/>
        <source>E&amp;xport dossier…</source>
        <translation>&amp;Экспорт досье…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="193"/>
        <source>&amp;Case</source>
        <translation>&amp;Дело</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="198"/>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="204"/>
        <source>&amp;Tools</source>
        <translation>&amp;Сервис</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="209"/>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="232"/>
        <source>Creating the case</source>
        <translation>Создание дела</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="294"/>
        <source>The case has unsaved changes. Save them?</source>
        <translation>В деле есть несохранённые изменения. Сохранить их?</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="364"/>
        <source>%1 — Ctrl+Z undoes it</source>
        <translation>%1 — Ctrl+Z отменит</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="419"/>
        <source>The database is empty. Create a demo case to see how an investigation looks in Casebook? You can delete it later.</source>
        <translation>База данных пуста. Создать демонстрационное дело, чтобы увидеть, как выглядит проверка в Casebook? Его можно удалить позже.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="444"/>
        <source>Creating the demo case</source>
        <translation>Создание демонстрационного дела</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="482"/>
        <source>The new language applies after Casebook restarts.</source>
        <translation>Новый язык будет применён после перезапуска Casebook.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="512"/>
        <source>About Casebook</source>
        <translation>О программе Casebook</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="514"/>
        <source>&lt;b&gt;Casebook %1&lt;/b&gt;&lt;br&gt;Investigation workstation for courier–customer personal data incidents.</source>
        <translation>&lt;b&gt;Casebook %1&lt;/b&gt;&lt;br&gt;Рабочее место для служебных проверок по случаям неправомерного использования курьерами персональных данных клиентов.</translation>
    </message>
</context>
<context>
    <name>NewCaseDialog</name>
    <message>
        <location filename="../../app/ui/cases/case_dialog.py" line="36"/>
        <source>New case</source>
        <translation>Новое дело</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_dialog.py" line="42"/>
        <source>e.g. Calls to a customer after delivery</source>
        <translation>напр. Звонки клиентке после доставки</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_dialog.py" line="45"/>
        <source>e.g. MSK</source>
        <translation>напр. MSK</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_dialog.py" line="62"/>
        <source>Title:</source>
        <translation>Название:</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_dialog.py" line="63"/>
        <source>Region code:</source>
        <translation>Код региона:</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_dialog.py" line="64"/>
        <source>Time zone:</source>
        <translation>Часовой пояс:</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_dialog.py" line="65"/>
        <source>Category:</source>
        <translation>Категория:</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_dialog.py" line="66"/>
        <source>Complaint source:</source>
        <translation>Источник обращения:</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_dialog.py" line="67"/>
        <source>Received:</source>
        <translation>Поступило:</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_dialog.py" line="68"/>
        <source>Summary:</source>
        <translation>Фабула:</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_dialog.py" line="75"/>
        <source>Create case</source>
        <translation>Создать дело</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_dialog.py" line="97"/>
        <source>The case needs a title.</source>
        <translation>Укажите название дела.</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_dialog.py" line="102"/>
        <source>The region code is one short word without spaces.</source>
        <translation>Код региона — одно короткое слово без пробелов.</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_dialog.py" line="108"/>
        <source>Unknown time zone: %1</source>
        <translation>Неизвестный часовой пояс: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/case_dialog.py" line="112"/>
        <source>The complaint cannot be received in the future.</source>
        <translation>Дата поступления обращения не может быть в будущем.</translation>
    </message>
</context>
<context>
    <name>OrderDialog</name>
    <message>
        <location filename="../../app/ui/cases/record_dialogs.py" line="98"/>
        <source>Edit order</source>
        <translation>Изменить заказ</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/record_dialogs.py" line="98"/>
        <source>Add order</source>
        <translation>Добавить заказ</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/record_dialogs.py" line="102"/>
        <source>Delivery slot known</source>
        <translation>Слот доставки известен</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/record_dialogs.py" line="120"/>
        <source>Unchanged: %1</source>
        <translation>Без изменений: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/record_dialogs.py" line="124"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/record_dialogs.py" line="124"/>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/record_dialogs.py" line="127"/>
        <source>Add status event</source>
        <translation>Добавить статус</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/record_dialogs.py" line="128"/>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/record_dialogs.py" line="134"/>
        <source>Order number:</source>
        <translation>Номер заказа:</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/record_dialogs.py" line="136"/>
        <source>Slot:</source>
        <translation>Слот:</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/record_dialogs.py" line="137"/>
        <source>Courier:</source>
        <translation>Курьер:</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/record_dialogs.py" line="138"/>
        <source>Customer:</source>
        <translation>Клиент:</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/record_dialogs.py" line="139"/>
        <source>Delivery address:</source>
        <translation>Адрес доставки:</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/record_dialogs.py" line="140"/>
        <source>Status events:</source>
        <translation>Статусы заказа:</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/record_dialogs.py" line="173"/>
        <source>The order needs a number.</source>
        <translation>Укажите номер заказа.</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/record_dialogs.py" line="176"/>
        <source>The slot ends before it starts.</source>
        <translation>Слот заканчивается раньше, чем начинается.</translation>
    </message>
</context>
<context>
    <name>OrdersTab</name>
    <message>
        <location filename="../../app/ui/cases/record_tabs.py" line="42"/>
        <source>Order</source>
        <translation>Заказ</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/record_tabs.py" line="43"/>
        <source>Slot</source>
        <translation>Слот</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/record_tabs.py" line="44"/>
        <source>Courier</source>
        <translation>Курьер</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/record_tabs.py" line="45"/>
        <source>Customer</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/record_tabs.py" line="46"/>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/record_tabs.py" line="47"/>
        <source>Last status</source>
        <translation>Последний статус</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/record_tabs.py" line="50"/>
        <source>Reveal address…</source>
        <translation>Показать адрес…</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/record_tabs.py" line="55"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/record_tabs.py" line="56"/>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/record_tabs.py" line="57"/>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/record_tabs.py" line="69"/>
        <source>Status events of the selected order:</source>
        <translation>Статусы выбранного заказа:</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/record_tabs.py" line="96"/>
        <location filename="../../app/ui/cases/record_tabs.py" line="107"/>
        <source>order %1</source>
        <translation>заказ %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/record_tabs.py" line="107"/>
        <source>Add %1</source>
        <translation>Добавить: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/record_tabs.py" line="134"/>
        <source>Edit %1</source>
        <translation>Изменить: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/record_tabs.py" line="139"/>
        <source>the delivery address of order %1</source>
        <translation>адрес доставки заказа %1</translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message>
        <location filename="../../app/ui/cases/overview_tab.py" line="90"/>
        <source>Title:</source>
        <translation>Название:</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/overview_tab.py" line="91"/>
        <source>Category:</source>
        <translation>Категория:</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/overview_tab.py" line="92"/>
        <source>Complaint source:</source>
        <translation>Источник обращения:</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/overview_tab.py" line="93"/>
        <source>Received:</source>
        <translation>Поступило:</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/overview_tab.py" line="94"/>
        <source>Time zone:</source>
        <translation>Часовой пояс:</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/overview_tab.py" line="97"/>
        <source>Measure:</source>
        <translation>Мера:</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/overview_tab.py" line="105"/>
        <source>Revert</source>
        <translation>Отменить изменения</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/overview_tab.py" line="106"/>
        <source>Save changes</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/overview_tab.py" line="137"/>
        <source>&lt;b&gt;%1&lt;/b&gt; — %2&lt;br&gt;Status: &lt;b&gt;%3&lt;/b&gt; · Region %4 (%5) · Received %6</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — %2&lt;br&gt;Статус: &lt;b&gt;%3&lt;/b&gt; · Регион %4 (%5) · Поступило %6</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/overview_tab.py" line="186"/>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/overview_tab.py" line="187"/>
        <source>Category</source>
        <translation>Категория</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/overview_tab.py" line="188"/>
        <source>Complaint source</source>
        <translation>Источник обращения</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/overview_tab.py" line="189"/>
        <source>Received</source>
        <translation>Поступило</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/overview_tab.py" line="190"/>
        <source>Time zone</source>
        <translation>Часовой пояс</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/overview_tab.py" line="163"/>
        <source>Someone else changed “%1” meanwhile; your edit there was replaced.</source>
        <translation>Другой пользователь тем временем изменил поле «%1»; ваша правка в нём заменена.</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/overview_tab.py" line="193"/>
        <source>Measure</source>
        <translation>Мера</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/overview_tab.py" line="204"/>
        <source>Start work</source>
        <translation>Взять в работу</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/overview_tab.py" line="206"/>
        <source>Return for more work</source>
        <translation>Вернуть на доработку</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/overview_tab.py" line="208"/>
        <source>Reopen</source>
        <translation>Возобновить</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/overview_tab.py" line="209"/>
        <source>Submit for decision</source>
        <translation>Передать на решение</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/overview_tab.py" line="210"/>
        <source>Close with the chosen measure</source>
        <translation>Закрыть с выбранной мерой</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/overview_tab.py" line="266"/>
        <source>The case needs a title.</source>
        <translation>Укажите название дела.</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/overview_tab.py" line="278"/>
        <source>Edit case</source>
        <translation>Изменение дела</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/overview_tab.py" line="286"/>
        <source>Choose the measure before closing the case.</source>
        <translation>Перед закрытием дела выберите меру.</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/overview_tab.py" line="292"/>
        <source>Change status</source>
        <translation>Смена статуса</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/overview_tab.py" line="318"/>
        <source>Blacklist</source>
        <translation>Чёрный список</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/overview_tab.py" line="319"/>
        <source>Add courier %1 to the blacklist of all services?</source>
        <translation>Внести курьера %1 в чёрный список всех сервисов?</translation>
    </message>
</context>
<context>
    <name>PartiesTab</name>
    <message>
        <location filename="../../app/ui/cases/parties_tab.py" line="28"/>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/parties_tab.py" line="29"/>
        <source>Name</source>
        <translation>ФИО</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/parties_tab.py" line="30"/>
        <source>Courier ID</source>
        <translation>ID курьера</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/parties_tab.py" line="31"/>
        <source>Phones</source>
        <translation>Телефоны</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/parties_tab.py" line="32"/>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/parties_tab.py" line="33"/>
        <source>Notes</source>
        <translation>Примечания</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/parties_tab.py" line="36"/>
        <source>Reveal phones…</source>
        <translation>Показать телефоны…</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/parties_tab.py" line="37"/>
        <source>Reveal address…</source>
        <translation>Показать адрес…</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/parties_tab.py" line="44"/>
        <source>%1 — BLACKLISTED</source>
        <translation>%1 — В ЧЁРНОМ СПИСКЕ</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/parties_tab.py" line="60"/>
        <source>Add %1</source>
        <translation>Добавить: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/parties_tab.py" line="70"/>
        <source>Blacklisted courier</source>
        <translation>Курьер в чёрном списке</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/parties_tab.py" line="72"/>
        <source>Courier %1 is on the blacklist of all services. Check the earlier case before going on.</source>
        <translation>Курьер %1 внесён в чёрный список всех сервисов. Прежде чем продолжать, изучите предыдущее дело.</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/parties_tab.py" line="114"/>
        <source>Edit %1</source>
        <translation>Изменить: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/parties_tab.py" line="119"/>
        <source>the phone numbers of %1</source>
        <translation>телефоны участника %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/parties_tab.py" line="125"/>
        <source>the address of %1</source>
        <translation>адрес участника %1</translation>
    </message>
</context>
<context>
    <name>PartyDialog</name>
    <message>
        <location filename="../../app/ui/cases/party_dialog.py" line="44"/>
        <source>Edit party</source>
        <translation>Изменить участника</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/party_dialog.py" line="44"/>
        <source>Add party</source>
        <translation>Добавить участника</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/party_dialog.py" line="68"/>
        <source>(none)</source>
        <translation>(нет)</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/party_dialog.py" line="75"/>
        <source>Role:</source>
        <translation>Роль:</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/party_dialog.py" line="76"/>
        <source>Name:</source>
        <translation>ФИО:</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/party_dialog.py" line="77"/>
        <source>Courier ID:</source>
        <translation>ID курьера:</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/party_dialog.py" line="79"/>
        <source>Phones (one a line):</source>
        <translation>Телефоны (по одному в строке):</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/party_dialog.py" line="80"/>
        <source>Address:</source>
        <translation>Адрес:</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/party_dialog.py" line="81"/>
        <source>Supervisor:</source>
        <translation>Супервайзер:</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/party_dialog.py" line="82"/>
        <source>Notes:</source>
        <translation>Примечания:</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/party_dialog.py" line="100"/>
        <location filename="../../app/ui/cases/party_dialog.py" line="104"/>
        <source>Unchanged: %1</source>
        <translation>Без изменений: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/party_dialog.py" line="126"/>
        <source>Not a valid phone number: %1</source>
        <translation>Неверный номер телефона: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/party_dialog.py" line="147"/>
        <source>This courier is on the blacklist: %1</source>
        <translation>Курьер в чёрном списке: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/party_dialog.py" line="152"/>
        <source>The party needs a name.</source>
        <translation>Укажите ФИО участника.</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/party_dialog.py" line="159"/>
        <source>The courier the complaint is about needs a courier ID.</source>
        <translation>Для курьера, на которого поступила жалоба, укажите ID курьера.</translation>
    </message>
</context>
<context>
    <name>RecordTab</name>
    <message>
        <location filename="../../app/ui/cases/record_tab.py" line="62"/>
        <source>Add…</source>
        <translation>Добавить…</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/record_tab.py" line="63"/>
        <source>Edit…</source>
        <translation>Изменить…</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/record_tab.py" line="64"/>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/record_tab.py" line="123"/>
        <source>Delete %1</source>
        <translation>Удалить: %1</translation>
    </message>
</context>
<context>
    <name>RevealDialog</name>
    <message>
        <location filename="../../app/ui/privacy.py" line="37"/>
        <source>Reveal personal data</source>
        <translation>Показ персональных данных</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy.py" line="42"/>
        <source>You are about to see {what} unmasked. The reveal is recorded in the audit log with your name and the reason you give.</source>
        <translation>Будут показаны без маскировки: {what}. Показ записывается в журнал аудита с вашим именем и указанной причиной.</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy.py" line="51"/>
        <source>Reason, e.g. calling the complainant back</source>
        <translation>Причина, напр. обратный звонок заявителю</translation>
    </message>
    <message>
        <location filename="../../app/ui/privacy.py" line="59"/>
        <source>Reveal</source>
        <translation>Показать</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/privacy.py" line="69"/>
        <source>Give a reason of at least %n character(s).</source>
        <translation>
            <numerusform>Укажите причину не короче %n символа.</numerusform>
            <numerusform>Укажите причину не короче %n символов.</numerusform>
            <numerusform>Укажите причину не короче %n символов.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="67"/>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="75"/>
        <source>Your name and position</source>
        <translation>Ваши ФИО и должность</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="78"/>
        <source>Who prepares the dossiers? Your name and position are printed in every dossier you sign and recorded in the audit log.</source>
        <translation>Кто готовит материалы? Ваши ФИО и должность печатаются в каждом подписанном вами досье и записываются в журнал аудита.</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="90"/>
        <source>System language</source>
        <translation>Язык системы</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="94"/>
        <source>Interface language:</source>
        <translation>Язык интерфейса:</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="97"/>
        <source>Surname I.O., as in dossiers</source>
        <translation>Фамилия И.О., как в досье</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="98"/>
        <source>Investigator:</source>
        <translation>Проверяющий:</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="101"/>
        <source>e.g. security specialist, North-West region</source>
        <translation>например, специалист службы безопасности, Северо-Запад</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="102"/>
        <source>Position:</source>
        <translation>Должность:</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="105"/>
        <source>e.g. MSK</source>
        <translation>напр. MSK</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="106"/>
        <source>Default region code:</source>
        <translation>Код региона по умолчанию:</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="108"/>
        <source>Default time zone:</source>
        <translation>Часовой пояс по умолчанию:</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="112"/>
        <source>the office&apos;s recorded share, else the data folder</source>
        <translation>общая папка отдела, иначе папка данных</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="116"/>
        <source>Root of the evidence store: a mounted share or a UNC path such as \\server\casebook. Applies after a restart; Casebook refuses a folder that holds another store.</source>
        <translation>Корень хранилища доказательств: подключённая общая папка или UNC-путь, например \\server\casebook. Применяется после перезапуска; папку с другим хранилищем Casebook не примет.</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="121"/>
        <source>Evidence store:</source>
        <translation>Хранилище доказательств:</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="123"/>
        <source>A new language applies after Casebook restarts.</source>
        <translation>Новый язык будет применён после перезапуска Casebook.</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="147"/>
        <source>Enter your name and position: the dossier is signed with them.</source>
        <translation>Укажите ФИО и должность: ими подписывается досье.</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="155"/>
        <source>The region code is one short word without spaces.</source>
        <translation>Код региона — одно короткое слово без пробелов.</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="162"/>
        <source>Unknown time zone: %1</source>
        <translation>Неизвестный часовой пояс: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_dialog.py" line="168"/>
        <source>The evidence store folder %1 is not reachable.</source>
        <translation>Папка хранилища доказательств %1 недоступна.</translation>
    </message>
</context>
<context>
    <name>StatementDialog</name>
    <message>
        <location filename="../../app/ui/cases/record_dialogs.py" line="205"/>
        <source>Edit statement</source>
        <translation>Изменить объяснение</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/record_dialogs.py" line="205"/>
        <source>Add statement</source>
        <translation>Добавить объяснение</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/record_dialogs.py" line="213"/>
        <source>Given by:</source>
        <translation>Кто дал:</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/record_dialogs.py" line="214"/>
        <source>Taken at:</source>
        <translation>Когда получено:</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/record_dialogs.py" line="215"/>
        <source>Taken by:</source>
        <translation>Кем получено:</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/record_dialogs.py" line="216"/>
        <source>Text:</source>
        <translation>Текст:</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/record_dialogs.py" line="230"/>
        <source>Signed copy:</source>
        <translation>Подписанный экземпляр:</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/record_dialogs.py" line="223"/>
        <source>Signed copy of the statement</source>
        <translation>Подписанный экземпляр объяснения</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/record_dialogs.py" line="224"/>
        <source>Scans (*.pdf *.jpg *.jpeg *.png *.tif *.tiff);;All files (*)</source>
        <translation>Сканы (*.pdf *.jpg *.jpeg *.png *.tif *.tiff);;Все файлы (*)</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/record_dialogs.py" line="222"/>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/record_dialogs.py" line="247"/>
        <source>A statement cannot be taken before the case was received (%1).</source>
        <translation>Объяснение не может быть получено раньше поступления дела (%1).</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/record_dialogs.py" line="253"/>
        <source>Say who took the statement.</source>
        <translation>Укажите, кем получено объяснение.</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/record_dialogs.py" line="256"/>
        <source>The statement has no text.</source>
        <translation>В объяснении нет текста.</translation>
    </message>
</context>
<context>
    <name>StatementsTab</name>
    <message>
        <location filename="../../app/ui/cases/record_tabs.py" line="149"/>
        <source>Taken at</source>
        <translation>Когда получено</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/record_tabs.py" line="150"/>
        <source>Given by</source>
        <translation>Кто дал</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/record_tabs.py" line="151"/>
        <source>Taken by</source>
        <translation>Кем получено</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/record_tabs.py" line="152"/>
        <source>Signed copy</source>
        <translation>Подписанный экземпляр</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/record_tabs.py" line="153"/>
        <source>Text</source>
        <translation>Текст</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/record_tabs.py" line="156"/>
        <source>Open signed copy</source>
        <translation>Открыть подписанный экземпляр</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/record_tabs.py" line="188"/>
        <source>statement of %1</source>
        <translation>объяснение от %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/record_tabs.py" line="216"/>
        <source>Add statement</source>
        <translation>Добавить объяснение</translation>
    </message>
    <message>
        <location filename="../../app/ui/cases/record_tabs.py" line="243"/>
        <source>Edit statement</source>
        <translation>Изменить объяснение</translation>
    </message>
</context>
<context>
    <name>TaskStatusWidget</name>
    <message>
        <location filename="../../app/ui/widgets/task_status.py" line="25"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/widgets/task_status.py" line="49"/>
        <source>%1 (+%n more)</source>
        <translation>
            <numerusform>%1 (и ещё %n)</numerusform>
            <numerusform>%1 (и ещё %n)</numerusform>
            <numerusform>%1 (и ещё %n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_RecordDialog</name>
    <message>
        <location filename="../../app/ui/cases/record_dialogs.py" line="79"/>
        <source>(none)</source>
        <translation>(нет)</translation>
    </message>
</context>
</TS>
