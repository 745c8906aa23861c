/**
 * A self-signed certificate for 127.0.0.1 (valid until 2126) and its key, for the test that
 * checks the Secret's caBundle is used as the only trusted roots. Test-only material.
 */
export const TEST_TLS_KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgvE2XR+mtAjKSNMBc
gXvGHafYFWH1A2CegUQUsxXzPzChRANCAARMmzoouqfNt4Re4b9jdYy6dqFWcUjK
7bb9x2sk/pYp2WWFgjmwRXPiXlkfPBtp86oxXMJBFs5fUvnMWgi9wjkN
-----END PRIVATE KEY-----
`;

export const TEST_TLS_CERT = `-----BEGIN CERTIFICATE-----
MIIBqDCCAU6gAwIBAgIURr5Pvk0kwvknnJMNUI7aHLiJk6MwCgYIKoZIzj0EAwIw
IDEeMBwGA1UEAwwVY2RrOHMtY2FwaS1pb25vcyB0ZXN0MCAXDTI2MTEyMjA1MjI1
OFoYDzIxMjYxMDI5MDUyMjU4WjAgMR4wHAYDVQQDDBVjZGs4cy1jYXBpLWlvbm9z
IHRlc3QwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAARMmzoouqfNt4Re4b9jdYy6
dqFWcUjK7bb9x2sk/pYp2WWFgjmwRXPiXlkfPBtp86oxXMJBFs5fUvnMWgi9wjkN
o2QwYjAdBgNVHQ4EFgQUOx39aB9ymncjaHqTi20nbTkNBQgwHwYDVR0jBBgwFoAU
Ox39aB9ymncjaHqTi20nbTkNBQgwDwYDVR0TAQH/BAUwAwEB/zAPBgNVHREECDAG
hwR/AAABMAoGCCqGSM49BAMCA0gAMEUCIQCFyW8zQuz8gWkPhbGw8ILuAIj6aIvi
9AjWlsKgECLNMgIgU4JgvL/GCwa93MWG50hyyYEBQz5pasREDCIbr6z4pNc=
-----END CERTIFICATE-----
`;
