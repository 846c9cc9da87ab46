<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AgreementDock</name>
    <message numerus="yes">
        <source>%n open point(s)</source>
        <translation>
            <numerusform>%n open point</numerusform>
            <numerusform>%n open points</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n point(s) are still open. Close the agreement anyway? The PDF will say that it was closed with open points.</source>
        <translation>
            <numerusform>%n point is still open. Close the agreement anyway? The PDF will say that it was closed with open points.</numerusform>
            <numerusform>%n points are still open. Close the agreement anyway? The PDF will say that it was closed with open points.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DiagnosisPanel</name>
    <message numerus="yes">
        <source>%n card(s) placed</source>
        <translation>
            <numerusform>%n card placed</numerusform>
            <numerusform>%n cards placed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n card(s) away from the reference:</source>
        <translation>
            <numerusform>%n card away from the reference:</numerusform>
            <numerusform>%n cards away from the reference:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PhaseTimerControl</name>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ResolveDialog</name>
    <message numerus="yes">
        <source>{zone} (%n dot(s))</source>
        <translation>
            <numerusform>{zone} (%n dot)</numerusform>
            <numerusform>{zone} (%n dots)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RoundsPanel</name>
    <message numerus="yes">
        <source>What moved (%n card(s))</source>
        <translation>
            <numerusform>What moved (%n card)</numerusform>
            <numerusform>What moved (%n cards)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Divergence: %1 % (%n card(s) disputed, %2 agreed)</source>
        <translation>
            <numerusform>Divergence: %1 % (%n card disputed, %2 agreed)</numerusform>
            <numerusform>Divergence: %1 % (%n cards disputed, %2 agreed)</numerusform>
        </translation>
    </message>
</context>
</TS>
