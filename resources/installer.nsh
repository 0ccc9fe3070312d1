; Included by electron-builder's NSIS installer (nsis.include in electron-builder.yml).
;
; Puts Copydesk in the "Open with" list of plain-text files, so a seed file can be opened with it, without
; making it the default .txt program: only a ProgID and an OpenWithProgids entry are written, never the
; default value of Software\Classes\.txt (which electron-builder's fileAssociations would set, hence .txt is
; not one of them on Windows). The installer is per-user, so SHCTX is HKEY_CURRENT_USER. The .cdbundle
; association, which Copydesk owns, comes from fileAssociations as usual.

!define COPYDESK_TXT_PROGID "Copydesk.SeedFile"

!macro customInstall
  WriteRegStr SHCTX "Software\Classes\${COPYDESK_TXT_PROGID}" "" "Copydesk seed file"
  WriteRegStr SHCTX "Software\Classes\${COPYDESK_TXT_PROGID}\DefaultIcon" "" "$INSTDIR\${APP_EXECUTABLE_FILENAME},0"
  WriteRegStr SHCTX "Software\Classes\${COPYDESK_TXT_PROGID}\shell\open\command" "" '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" "%1"'
  WriteRegStr SHCTX "Software\Classes\.txt\OpenWithProgids" "${COPYDESK_TXT_PROGID}" ""
  ; SHCNE_ASSOCCHANGED: let Explorer pick up the new "Open with" entry.
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, i 0, i 0)'
!macroend

!macro customUnInstall
  DeleteRegValue SHCTX "Software\Classes\.txt\OpenWithProgids" "${COPYDESK_TXT_PROGID}"
  DeleteRegKey SHCTX "Software\Classes\${COPYDESK_TXT_PROGID}"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, i 0, i 0)'
!macroend
