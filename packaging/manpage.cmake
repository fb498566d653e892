# Writes the man pages chorus-cli.1 and chorus.1 (and their .gz) from the programs' own --help,
# so the pages never drift from what the programs accept.
#
#   cmake -DCLI=path/to/chorus-cli [-DGUI=path/to/chorus] -DOUT_DIR=dir -DVERSION=x.y.z -DDATE=YYYY-MM-DD
#         -P manpage.cmake
#
# The help texts are kept verbatim (.nf blocks): their column layout is part of their meaning.
cmake_minimum_required(VERSION 3.21)

foreach(required CLI OUT_DIR VERSION DATE)
    if(NOT DEFINED ${required})
        message(FATAL_ERROR "manpage.cmake: -D${required}=... is required")
    endif()
endforeach()

# Help text -> roff that prints it unchanged: backslashes escaped, control characters at a line
# start neutralised, hyphens as real minus signs so options copy and paste from the page.
function(roff_escape out_var text)
    string(REPLACE "\\" "\\e" text "${text}")
    string(REPLACE "-" "\\-" text "${text}")
    string(REGEX REPLACE "(^|\n)([.'])" "\\1\\\\&\\2" text "${text}")
    string(REGEX REPLACE "\n+$" "" text "${text}")
    set(${out_var} "${text}" PARENT_SCOPE)
endfunction()

function(run_help out_var)
    execute_process(COMMAND ${ARGN} OUTPUT_VARIABLE text ERROR_QUIET RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0 OR text STREQUAL "")
        message(FATAL_ERROR "manpage.cmake: '${ARGN}' failed (${rc}) or printed nothing")
    endif()
    set(${out_var} "${text}" PARENT_SCOPE)
endfunction()

function(write_page name content)
    file(MAKE_DIRECTORY "${OUT_DIR}")
    file(WRITE "${OUT_DIR}/${name}" "${content}")
    # Debian installs man pages compressed; -n keeps the archive free of a time stamp.
    find_program(GZIP gzip)
    if(GZIP)
        execute_process(COMMAND "${GZIP}" -9nc "${OUT_DIR}/${name}" OUTPUT_FILE "${OUT_DIR}/${name}.gz"
                        RESULT_VARIABLE rc)
        if(NOT rc EQUAL 0)
            message(FATAL_ERROR "manpage.cmake: gzip ${name} failed")
        endif()
    endif()
endfunction()

set(header_tail "\"${DATE}\" \"Chorus ${VERSION}\" \"User Commands\"")

# chorus-cli: the command list comes from the top-level help, each command's section from its own.
run_help(usage "${CLI}" --help)
string(REGEX MATCHALL "\n  [a-z][a-z0-9-]* +" command_lines "${usage}")
if(NOT command_lines)
    message(FATAL_ERROR "manpage.cmake: no commands found in 'chorus-cli --help'")
endif()
string(REGEX MATCH "\n\n([^\n]+)\n\nCommands:" ignored "${usage}")
set(description "${CMAKE_MATCH_1}")

set(page ".TH CHORUS\\-CLI 1 ${header_tail}\n")
string(APPEND page ".SH NAME\nchorus\\-cli \\- the Chorus deep\\-learning workbench without a window\n")
string(APPEND page ".SH SYNOPSIS\n.B chorus\\-cli\n.I COMMAND\n[\\fIoptions\\fR]\n.br\n")
string(APPEND page ".B chorus\\-cli\n.I COMMAND\n.B \\-\\-help\n.br\n.B chorus\\-cli \\-\\-version\n")
roff_escape(description "${description}")
string(APPEND page ".SH DESCRIPTION\n${description}\n.PP\nEvery command takes\n.B \\-\\-help\n"
                   "for its options, and\n.B \\-\\-json\nto print one JSON object on standard output.\n"
                   "Exit status is 0 on success, 1 when the work failed and 2 for a usage error.\n")
string(APPEND page ".SH COMMANDS\n")
foreach(line IN LISTS command_lines)
    string(STRIP "${line}" command)
    string(REGEX MATCH "\n  ${command} +([^\n]*)" ignored "${usage}")
    roff_escape(summary "${CMAKE_MATCH_1}")
    run_help(help "${CLI}" "${command}" --help)
    roff_escape(help "${help}")
    string(APPEND page ".SS ${command}\n${summary}.\n.PP\n.nf\n${help}\n.fi\n")
endforeach()
string(APPEND page ".SH SEE ALSO\n.BR chorus (1)\n")
write_page(chorus-cli.1 "${page}")

# chorus: the workbench's options, from Qt's parser (it needs a platform, never a display).
if(GUI)
    run_help(gui_help "${CMAKE_COMMAND}" -E env QT_QPA_PLATFORM=offscreen "${GUI}" --help)
    # Qt prints the path it was started by; the page names the installed command.
    string(REGEX REPLACE "^Usage: [^\n ]*chorus " "Usage: chorus " gui_help "${gui_help}")
    roff_escape(gui_help "${gui_help}")
    set(page ".TH CHORUS 1 ${header_tail}\n")
    string(APPEND page ".SH NAME\nchorus \\- deep\\-learning workbench for social\\-media data\n")
    string(APPEND page ".SH SYNOPSIS\n.B chorus\n[\\fIoptions\\fR] [\\fIPROJECT.chorus\\fR]\n")
    string(APPEND page ".SH DESCRIPTION\nThe Qt workbench: import posts, images, videos and labels into a project, "
                       "train models on the CPU or a CUDA GPU, and inspect runs, evaluations, attention, "
                       "embeddings and trends. Without a project it opens (and on first start creates) the "
                       "demo project.\n")
    string(APPEND page ".SH OPTIONS\n.nf\n${gui_help}\n.fi\n")
    string(APPEND page ".SH ENVIRONMENT\n.TP\n.B CHORUS_DEMO_PROJECT\nthe project opened when none is given.\n"
                       ".TP\n.B CHORUS_RESOURCES\na folder whose presets/ replace the installed run-config presets.\n")
    string(APPEND page ".SH SEE ALSO\n.BR chorus\\-cli (1)\n")
    write_page(chorus.1 "${page}")
endif()
