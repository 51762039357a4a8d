# Sourced by the CI scripts that install Debian packages: `apt_install PACKAGE...` updates the
# package lists once per run and installs what is missing.
#
# apt runs its download and signature helpers as the unprivileged `_apt` user. On machines whose
# /dev/null is not writable by other users, those helpers fail ("cannot create /dev/null",
# "gpgv ... required for verification") and every install stops there. CI runs as root, so the
# helpers run as root too (APT::Sandbox::User), which changes nothing else about the install.
apt_options=(-o APT::Sandbox::User=root -qq)
apt_lists_updated=${apt_lists_updated:-0}

apt_install() {
    export DEBIAN_FRONTEND=noninteractive
    if [ "$apt_lists_updated" = 0 ]; then
        apt-get "${apt_options[@]}" update
        apt_lists_updated=1
    fi
    apt-get "${apt_options[@]}" install -y "$@" >/dev/null
}
