"""Build hook of the postlint wheel: packs the prebuilt static binary as the `postlint` script.

The binary comes from the POSTLINT_BINARY environment variable (scripts/package.sh sets it). It
must be a statically linked Linux ELF executable; its architecture picks the wheel's platform tag,
and, when it can run here, its `--version` must match the version in the project's metadata.
"""

import os
import platform
import struct
import subprocess

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

# ELF e_machine values and the platform tag architecture each maps to.
ELF_MACHINES = {0x3E: "x86_64", 0xB7: "aarch64"}
PT_INTERP = 3


def elf_facts(path):
    """Returns (architecture, is_static) of an ELF executable, or raises ValueError."""
    with open(path, "rb") as f:
        header = f.read(64)
        if len(header) < 64 or header[:4] != b"\x7fELF":
            raise ValueError(f"{path} is not an ELF executable")
        if header[4] != 2 or header[5] != 1:
            raise ValueError(f"{path} is not a 64-bit little-endian ELF file")
        (machine,) = struct.unpack_from("<H", header, 18)
        if machine not in ELF_MACHINES:
            raise ValueError(f"{path} is for ELF machine {machine:#x}, which the wheel does not support")
        (phoff,) = struct.unpack_from("<Q", header, 32)
        phentsize, phnum = struct.unpack_from("<HH", header, 54)
        f.seek(phoff)
        table = f.read(phentsize * phnum)
    # A program interpreter (the dynamic loader) means the binary is dynamically linked.
    has_interpreter = any(
        struct.unpack_from("<I", table, i * phentsize)[0] == PT_INTERP for i in range(phnum)
    )
    return ELF_MACHINES[machine], not has_interpreter


def platform_tag(arch):
    # A fully static binary needs neither glibc nor musl, so one wheel serves both.
    return f"manylinux_2_17_{arch}.manylinux2014_{arch}.musllinux_1_1_{arch}"


class PostlintBinaryHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version, build_data):
        if self.target_name != "wheel":
            return
        binary = os.environ.get("POSTLINT_BINARY", "")
        if not binary:
            raise RuntimeError(
                "POSTLINT_BINARY is not set: build the static binary first and name it there "
                "(scripts/package.sh does both); this package cannot be built from source"
            )
        binary = os.path.abspath(binary)
        if not os.path.isfile(binary) or not os.access(binary, os.X_OK):
            raise RuntimeError(f"POSTLINT_BINARY={binary} is not an executable file")
        arch, is_static = elf_facts(binary)
        if not is_static:
            raise RuntimeError(f"{binary} is dynamically linked; the wheel needs the fully static build")

        expected = self.metadata.version
        if platform.system() == "Linux" and platform.machine() == arch:
            reported = subprocess.run(
                [binary, "--version"], check=True, capture_output=True, text=True, env={}
            ).stdout.strip()
            if reported != expected:
                raise RuntimeError(f"{binary} reports version {reported!r}, the project's metadata {expected!r}")

        build_data["pure_python"] = False
        build_data["infer_tag"] = False
        build_data["tag"] = f"py3-none-{platform_tag(arch)}"
        build_data["shared_scripts"][binary] = "postlint"
