<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru" sourcelanguage="en">
<context>
    <name>AddEvidenceDialog</name>
    <message>
        <location filename="../../app/ui/video/add_dialog.py" line="38"/>
        <source>Add evidence file</source>
        <translation>Добавить файл в доказательства</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/add_dialog.py" line="58"/>
        <source>Vehicle plate or camera name</source>
        <translation>Госномер автомобиля или название камеры</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/add_dialog.py" line="66"/>
        <source>Time zone of the camera&apos;s clock</source>
        <translation>Часовой пояс часов камеры</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/add_dialog.py" line="69"/>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/add_dialog.py" line="70"/>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/add_dialog.py" line="71"/>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/add_dialog.py" line="72"/>
        <source>Provided by</source>
        <translation>Кем предоставлен</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/add_dialog.py" line="73"/>
        <source>Time zone</source>
        <translation>Часовой пояс</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/add_dialog.py" line="44"/>
        <source>Evidence file</source>
        <translation>Файл доказательства</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/add_dialog.py" line="43"/>
        <source>Path of the file, or choose it</source>
        <translation>Путь к файлу — или выберите его</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/add_dialog.py" line="45"/>
        <source>All files (*);;Videos (%1)</source>
        <translation>Все файлы (*);;Видео (%1)</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/add_dialog.py" line="107"/>
        <source>Choose an existing file.</source>
        <translation>Выберите существующий файл.</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/add_dialog.py" line="110"/>
        <source>Unknown time zone: %1</source>
        <translation>Неизвестный часовой пояс: %1</translation>
    </message>
</context>
<context>
    <name>AnnotationsPanel</name>
    <message>
        <location filename="../../app/ui/video/annotations.py" line="84"/>
        <source>What this frame shows</source>
        <translation>Что видно на кадре</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/annotations.py" line="88"/>
        <source>Tags, separated by commas</source>
        <translation>Метки через запятую</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/annotations.py" line="89"/>
        <source>Draw rectangle</source>
        <translation>Выделить область</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/annotations.py" line="95"/>
        <location filename="../../app/ui/video/annotations.py" line="200"/>
        <source>No rectangle</source>
        <translation>Без области</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/annotations.py" line="97"/>
        <source>Save the frame as a still</source>
        <translation>Сохранить кадр как стоп-кадр</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/annotations.py" line="99"/>
        <source>Add at current frame</source>
        <translation>Добавить на текущем кадре</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/annotations.py" line="102"/>
        <source>Save changes</source>
        <translation>Сохранить изменения</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/annotations.py" line="105"/>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/annotations.py" line="110"/>
        <source>Annotations</source>
        <translation>Пометки</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/annotations.py" line="167"/>
        <source>still</source>
        <translation>стоп-кадр</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/annotations.py" line="177"/>
        <source>Camera clock %1</source>
        <translation>Часы камеры %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/annotations.py" line="184"/>
        <source>True time %1</source>
        <translation>Истинное время %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/annotations.py" line="204"/>
        <source>Rectangle %1</source>
        <translation>Область %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/annotations.py" line="251"/>
        <source>Write what the frame shows first</source>
        <translation>Сначала опишите, что видно на кадре</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/annotations.py" line="280"/>
        <source>Add annotation</source>
        <translation>Добавление пометки</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/annotations.py" line="283"/>
        <source>Saving annotation</source>
        <translation>Сохранение пометки</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/annotations.py" line="296"/>
        <source>Edit annotation</source>
        <translation>Изменение пометки</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/annotations.py" line="305"/>
        <source>Delete annotation</source>
        <translation>Удаление пометки</translation>
    </message>
</context>
<context>
    <name>CalibrateDialog</name>
    <message>
        <location filename="../../app/ui/video/clock_dialog.py" line="49"/>
        <source>Calibrate the camera clock</source>
        <translation>Калибровка часов камеры</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/clock_dialog.py" line="56"/>
        <source>Frame</source>
        <translation>Кадр</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/clock_dialog.py" line="64"/>
        <source>What the camera&apos;s own clock shows on this frame (its burned-in overlay)</source>
        <translation>Что показывают собственные часы камеры на этом кадре (впечатанные в изображение)</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/clock_dialog.py" line="66"/>
        <source>Read from frame</source>
        <translation>Прочитать с кадра</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/clock_dialog.py" line="68"/>
        <source>Read the clock burned into the frame (OCR)</source>
        <translation>Распознать время, впечатанное в кадр</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/clock_dialog.py" line="71"/>
        <source>The camera&apos;s clock is not known for this file.</source>
        <translation>Время часов камеры для этого файла неизвестно.</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/clock_dialog.py" line="78"/>
        <source>Camera clock shows (%1)</source>
        <translation>Часы камеры показывают (%1)</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/clock_dialog.py" line="95"/>
        <source> ms</source>
        <translation> мс</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/clock_dialog.py" line="98"/>
        <source>True time (%1)</source>
        <translation>Истинное время (%1)</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/clock_dialog.py" line="102"/>
        <source>How the true time is known (e.g. order app log)</source>
        <translation>Откуда известно истинное время (например, журнал заказа)</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/clock_dialog.py" line="103"/>
        <source>Note</source>
        <translation>Примечание</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/clock_dialog.py" line="111"/>
        <source>Frame %1: camera %2 → true %3</source>
        <translation>Кадр %1: камера %2 → истинное %3</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/clock_dialog.py" line="116"/>
        <source>Points</source>
        <translation>Точки</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/clock_dialog.py" line="118"/>
        <source>Correction</source>
        <translation>Поправка</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/clock_dialog.py" line="120"/>
        <source>offset %1 s, drift %2 ppm</source>
        <translation>смещение %1 с, уход %2 ppm</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/clock_dialog.py" line="138"/>
        <source>Reading the camera&apos;s clock on the frame…</source>
        <translation>Распознаём время часов камеры на кадре…</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/clock_dialog.py" line="147"/>
        <source>Read on the frame: “%1” (confidence %2%)</source>
        <translation>Прочитано на кадре: «%1» (уверенность %2%)</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/clock_dialog.py" line="155"/>
        <source>The clock could not be read on this frame; type what it shows.</source>
        <translation>Время на этом кадре распознать не удалось; введите то, что показывают часы.</translation>
    </message>
</context>
<context>
    <name>EvidenceModel</name>
    <message>
        <location filename="../../app/ui/video/evidence_model.py" line="78"/>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/evidence_model.py" line="79"/>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/evidence_model.py" line="80"/>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/evidence_model.py" line="81"/>
        <source>Duration</source>
        <translation>Длительность</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/evidence_model.py" line="82"/>
        <source>Size</source>
        <translation>Размер</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/evidence_model.py" line="114"/>
        <source>%1, %2x%3, %4 fps, %5 frames</source>
        <translation>%1, %2x%3, %4 кадр/с, кадров: %5</translation>
    </message>
</context>
<context>
    <name>GoToDialog</name>
    <message>
        <location filename="../../app/ui/video/goto_dialog.py" line="54"/>
        <location filename="../../app/ui/video/goto_dialog.py" line="90"/>
        <source>Go to</source>
        <translation>Перейти</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/goto_dialog.py" line="59"/>
        <source>Frame number</source>
        <translation>Номер кадра</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/goto_dialog.py" line="59"/>
        <source>Media time</source>
        <translation>Время в файле</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/goto_dialog.py" line="59"/>
        <source>True time</source>
        <translation>Истинное время</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/goto_dialog.py" line="66"/>
        <source>seconds, or H:MM:SS.mmm</source>
        <translation>секунды или Ч:ММ:СС.ммм</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/goto_dialog.py" line="71"/>
        <source> ms</source>
        <translation> мс</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/goto_dialog.py" line="88"/>
        <source>True time needs the camera clock&apos;s origin</source>
        <translation>Для истинного времени нужна точка отсчёта часов камеры</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/goto_dialog.py" line="108"/>
        <source>Type seconds (83.5) or H:MM:SS.mmm (0:01:23.500).</source>
        <translation>Введите секунды (83.5) или Ч:ММ:СС.ммм (0:01:23.500).</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/goto_dialog.py" line="124"/>
        <source>That moment is outside this recording (%1 long).</source>
        <translation>Этот момент вне записи (длительность %1).</translation>
    </message>
</context>
<context>
    <name>MediaProblems</name>
    <message>
        <location filename="../../app/ui/video/problems.py" line="19"/>
        <source>file not found (moved, deleted or disconnected)</source>
        <translation>файл не найден (перемещён, удалён или отключён носитель)</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/problems.py" line="22"/>
        <source>the file cannot be read</source>
        <translation>файл не удаётся прочитать</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/problems.py" line="23"/>
        <source>empty file (0 bytes)</source>
        <translation>пустой файл (0 байт)</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/problems.py" line="24"/>
        <source>moov atom not found (truncated file or recording not finalised)</source>
        <translation>не найден блок moov (файл обрезан или запись не завершена)</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/problems.py" line="27"/>
        <source>not a media file</source>
        <translation>это не медиафайл</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/problems.py" line="28"/>
        <source>unknown or unsupported video codec; cannot decode</source>
        <translation>неизвестный или неподдерживаемый видеокодек; декодирование невозможно</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/problems.py" line="31"/>
        <source>no video stream in the file</source>
        <translation>в файле нет видеопотока</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/problems.py" line="32"/>
        <source>the frames carry no timestamps</source>
        <translation>у кадров нет меток времени</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/problems.py" line="35"/>
        <source>no decodable frames in the video stream</source>
        <translation>в видеопотоке нет декодируемых кадров</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/problems.py" line="38"/>
        <source>the file ends before the frame asked for (cut short)</source>
        <translation>файл обрывается раньше запрошенного кадра</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/problems.py" line="41"/>
        <source>the video cannot be decoded here</source>
        <translation>видео не удаётся декодировать</translation>
    </message>
</context>
<context>
    <name>PlayerWidget</name>
    <message>
        <location filename="../../app/ui/video/player_widget.py" line="130"/>
        <source>Play / pause (Space)</source>
        <translation>Воспроизведение / пауза (Пробел)</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/player_widget.py" line="133"/>
        <source>Start (Home)</source>
        <translation>В начало (Home)</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/player_widget.py" line="136"/>
        <source>Back 10 s (Ctrl+Left)</source>
        <translation>Назад на 10 с (Ctrl+Влево)</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/player_widget.py" line="141"/>
        <source>Previous frame (Left)</source>
        <translation>Предыдущий кадр (Влево)</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/player_widget.py" line="145"/>
        <source>Next frame (Right)</source>
        <translation>Следующий кадр (Вправо)</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/player_widget.py" line="149"/>
        <source>Forward 10 s (Ctrl+Right)</source>
        <translation>Вперёд на 10 с (Ctrl+Вправо)</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/player_widget.py" line="153"/>
        <source>End (End)</source>
        <translation>В конец (End)</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/player_widget.py" line="159"/>
        <source>Speed: J / K / L, slower with Shift+J / Shift+L</source>
        <translation>Скорость: J / K / L, медленнее — Shift+J / Shift+L</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/player_widget.py" line="163"/>
        <source>Previous activity ([)</source>
        <translation>Предыдущее движение ([)</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/player_widget.py" line="166"/>
        <source>Find activity</source>
        <translation>Найти движение</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/player_widget.py" line="167"/>
        <source>Mark the stretches with motion on the scrubber</source>
        <translation>Отметить на шкале участки с движением</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/player_widget.py" line="172"/>
        <source>Next activity (])</source>
        <translation>Следующее движение (])</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/player_widget.py" line="175"/>
        <source>True time…</source>
        <translation>Истинное время…</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/player_widget.py" line="176"/>
        <source>Calibrate the camera clock: this frame shows true time T</source>
        <translation>Калибровка часов камеры: этот кадр снят в истинное время T</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/player_widget.py" line="181"/>
        <source>Export frame…</source>
        <translation>Экспорт кадра…</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/player_widget.py" line="182"/>
        <source>Save the exact frame on screen as a PNG file (recorded in the audit log)</source>
        <translation>Сохранить точный кадр с экрана в файл PNG (записывается в журнал аудита)</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/player_widget.py" line="187"/>
        <source>Go to…</source>
        <translation>Перейти…</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/player_widget.py" line="188"/>
        <source>Go to a frame, a media time or a true time (Ctrl+G)</source>
        <translation>Перейти к кадру, времени в файле или истинному времени (Ctrl+G)</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/player_widget.py" line="206"/>
        <source>Space: play / pause
J / K / L: backwards, pause, forwards (again: faster; with Shift: slower)
Left / Right: one frame; with Shift: 1 s; with Ctrl: 10 s
Home / End: first / last frame
[ / ]: previous / next activity
Wheel, + / -: zoom; 0 or double-click: fit; drag: pan
I: show / hide the time overlay
Ctrl+G: go to a frame, a media time or a true time</source>
        <translation>Пробел: воспроизведение / пауза
J / K / L: назад, пауза, вперёд (ещё раз: быстрее; с Shift: медленнее)
Влево / Вправо: на кадр; с Shift: на 1 с; с Ctrl: на 10 с
Home / End: первый / последний кадр
[ / ]: предыдущее / следующее движение
Колесо, + / -: масштаб; 0 или двойной щелчок: по размеру окна; перетаскивание: сдвиг
I: показать / скрыть сведения о времени
Ctrl+G: перейти к кадру, времени в файле или истинному времени</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/player_widget.py" line="220"/>
        <source>Brightness (viewing only)</source>
        <translation>Яркость (только для просмотра)</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/player_widget.py" line="221"/>
        <source>Contrast (viewing only)</source>
        <translation>Контраст (только для просмотра)</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/player_widget.py" line="225"/>
        <source>Original brightness and contrast</source>
        <translation>Исходные яркость и контраст</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/player_widget.py" line="315"/>
        <source>This video has no sound</source>
        <translation>В этом видео нет звука</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/player_widget.py" line="317"/>
        <source>No audio output on this computer</source>
        <translation>На этом компьютере нет устройства вывода звука</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/player_widget.py" line="319"/>
        <source>Sound on / off (played at 1x forwards, silent at other speeds)</source>
        <translation>Звук вкл. / выкл. (звучит при воспроизведении вперёд на 1x, на других скоростях молчит)</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/player_widget.py" line="321"/>
        <source>Volume (listening only)</source>
        <translation>Громкость (только для прослушивания)</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/player_widget.py" line="345"/>
        <source>Stretches with activity: %1</source>
        <translation>Участков с движением: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/player_widget.py" line="369"/>
        <source>Export frame</source>
        <translation>Экспорт кадра</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/player_widget.py" line="371"/>
        <source>PNG image (*.png)</source>
        <translation>Изображение PNG (*.png)</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/player_widget.py" line="386"/>
        <source>Exporting frame</source>
        <translation>Экспорт кадра</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/player_widget.py" line="388"/>
        <source>Frame %1 saved to %2</source>
        <translation>Кадр %1 сохранён в %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/player_widget.py" line="412"/>
        <source>Reading the camera&apos;s clock</source>
        <translation>Распознавание часов камеры</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/player_widget.py" line="432"/>
        <source>Calibrating the clock</source>
        <translation>Калибровка часов</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/player_widget.py" line="460"/>
        <source>Frame %1 of %2</source>
        <translation>Кадр %1 из %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/player_widget.py" line="461"/>
        <source> (keyframe, decoding…)</source>
        <translation> (опорный кадр, декодирование…)</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/player_widget.py" line="462"/>
        <source>Media time %1</source>
        <translation>Время в файле %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/player_widget.py" line="467"/>
        <source>Camera clock unknown (no origin set)</source>
        <translation>Часы камеры неизвестны (не задана точка отсчёта)</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/player_widget.py" line="469"/>
        <source>Camera clock %1</source>
        <translation>Часы камеры %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/player_widget.py" line="472"/>
        <source>True time: clock not calibrated</source>
        <translation>Истинное время: часы не откалиброваны</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/player_widget.py" line="474"/>
        <source>True time %1</source>
        <translation>Истинное время %1</translation>
    </message>
</context>
<context>
    <name>SideBySide</name>
    <message>
        <location filename="../../app/ui/video/side_by_side.py" line="63"/>
        <source>The right camera alone: drag to shift it against the left one</source>
        <translation>Только правая камера: перетащите, чтобы сдвинуть её относительно левой</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/side_by_side.py" line="74"/>
        <source>Right video one frame earlier</source>
        <translation>Правое видео на кадр раньше</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/side_by_side.py" line="77"/>
        <source>Right video one frame later</source>
        <translation>Правое видео на кадр позже</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/side_by_side.py" line="80"/>
        <source>Left video one frame earlier</source>
        <translation>Левое видео на кадр раньше</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/side_by_side.py" line="83"/>
        <source>Left video one frame later</source>
        <translation>Левое видео на кадр позже</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/side_by_side.py" line="91"/>
        <source>Nudge left</source>
        <translation>Сдвиг: левое</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/side_by_side.py" line="95"/>
        <source>right</source>
        <translation>правое</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/side_by_side.py" line="130"/>
        <source>%1 and %2 side by side</source>
        <translation>%1 и %2 рядом</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/side_by_side.py" line="135"/>
        <source>In step on the corrected clocks of both cameras.</source>
        <translation>Синхронно по исправленным часам обеих камер.</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/side_by_side.py" line="139"/>
        <source>In step on the camera clocks; a camera is not calibrated yet, so its own clock is taken as true. Set the true time in each video.</source>
        <translation>Синхронно по часам камер; одна из камер ещё не откалибрована, её собственные часы приняты за истинные. Задайте истинное время в каждом видео.</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/side_by_side.py" line="146"/>
        <source>A camera clock has no origin: the videos are aligned on their starts. Set the true time in each video to align them on the true clock.</source>
        <translation>У часов одной из камер нет точки отсчёта: видео совмещены по началу. Задайте истинное время в каждом видео, чтобы совместить их по истинным часам.</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/side_by_side.py" line="201"/>
        <source>%1 s</source>
        <translation>%1 с</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/side_by_side.py" line="208"/>
        <source>The right camera has no recording at this moment.</source>
        <translation>У правой камеры нет записи на этот момент.</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/side_by_side.py" line="218"/>
        <source>Frame %1</source>
        <translation>Кадр %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/side_by_side.py" line="223"/>
        <source>Camera clock %1</source>
        <translation>Часы камеры %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/side_by_side.py" line="226"/>
        <source>True time %1</source>
        <translation>Истинное время %1</translation>
    </message>
</context>
<context>
    <name>StripFeeder</name>
    <message>
        <location filename="../../app/ui/video/strip_tasks.py" line="70"/>
        <source>Thumbnails of %1</source>
        <translation>Миниатюры: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/strip_tasks.py" line="81"/>
        <source>Sound of %1</source>
        <translation>Звук файла %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/strip_tasks.py" line="110"/>
        <source>Activity scan of %1</source>
        <translation>Поиск движения: %1</translation>
    </message>
</context>
<context>
    <name>VideoTab</name>
    <message>
        <location filename="../../app/ui/video/tab.py" line="48"/>
        <source>Evidence</source>
        <translation>Доказательства</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/tab.py" line="75"/>
        <source>Add file…</source>
        <translation>Добавить…</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/tab.py" line="78"/>
        <source>Add a file to the case&apos;s evidence: it is copied, hashed and indexed</source>
        <translation>Добавить файл к доказательствам дела: он будет скопирован, хэширован и проиндексирован</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/tab.py" line="81"/>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/tab.py" line="84"/>
        <source>Side by side…</source>
        <translation>Рядом…</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/tab.py" line="87"/>
        <source>Show the selected video beside the one in the player, in step on the clock</source>
        <translation>Показать выбранное видео рядом с открытым, синхронно по часам</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/tab.py" line="99"/>
        <source>Open a video from the list to review it.</source>
        <translation>Откройте видео из списка для просмотра.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/video/tab.py" line="140"/>
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n файл</numerusform>
            <numerusform>%n файла</numerusform>
            <numerusform>%n файлов</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/video/tab.py" line="174"/>
        <source>Adding %1…</source>
        <translation>Добавление %1…</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/tab.py" line="177"/>
        <source>Adding %1</source>
        <translation>Добавление %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/tab.py" line="188"/>
        <source>Adding %1 was cancelled; nothing was stored.</source>
        <translation>Добавление %1 отменено; ничего не сохранено.</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/tab.py" line="193"/>
        <source>%1 added to the case.</source>
        <translation>%1 добавлен в дело.</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/tab.py" line="217"/>
        <source>%1 is not a video; it is kept as evidence.</source>
        <translation>%1 — не видео; файл хранится как доказательство.</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/tab.py" line="232"/>
        <source>%1: not a picture that can be shown</source>
        <translation>%1: изображение не удаётся показать</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/tab.py" line="290"/>
        <source>Open one video, then select another video to show beside it.</source>
        <translation>Откройте одно видео, затем выберите другое, чтобы показать их рядом.</translation>
    </message>
    <message>
        <location filename="../../app/ui/video/tab.py" line="294"/>
        <source>Select a different video to show beside this one.</source>
        <translation>Выберите другое видео, чтобы показать рядом с этим.</translation>
    </message>
</context>
</TS>
