"""Tests of kit.clean's parts."""
