x = 1L + 0L + 0xffL + 077L + 0b11 + 0o17
