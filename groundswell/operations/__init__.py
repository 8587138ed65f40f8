"""Operations pages for administrators: failed background tasks (TRUST 22), with a retry."""
