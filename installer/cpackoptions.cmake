# Read by cpack for each generator (CPACK_PROJECT_CONFIG_FILE): the Debian package is named as Debian
# names them (layerwatch_VERSION_amd64.deb), the tarball after what it holds.
if(CPACK_GENERATOR STREQUAL "TGZ")
  set(CPACK_PACKAGE_FILE_NAME "layerwatch-${CPACK_PACKAGE_VERSION}-linux-amd64")
endif()
