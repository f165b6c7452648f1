@echo off
rem rehearse: runs the Rehearsal command line of this distribution with the Java 17+ runtime of JAVA_HOME, else
rem the java on PATH. REHEARSAL_JAVA_OPTS adds options to the JVM.
setlocal
set "REHEARSAL_JAR=%~dp0..\lib\rehearse.jar"
if defined JAVA_HOME (
  set "REHEARSAL_JAVA=%JAVA_HOME%\bin\java.exe"
) else (
  set "REHEARSAL_JAVA=java"
)
if not exist "%REHEARSAL_JAR%" (
  echo rehearse: %REHEARSAL_JAR% is missing - unpack the whole rehearsal archive again 1>&2
  exit /b 3
)
"%REHEARSAL_JAVA%" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC %REHEARSAL_JAVA_OPTS% -jar "%REHEARSAL_JAR%" %*
exit /b %ERRORLEVEL%
